using System.Globalization;
using System.Text;
using OurSociety.Federation.Access;
using OurSociety.Federation.Api.Access;
using OurSociety.Federation.Common;
using OurSociety.Federation.National;

namespace OurSociety.Federation.Api.National;

/// <summary>
/// The national view as open data at stable addresses: <c>/national/activity.csv</c>, <c>/national/activity.json</c>
/// (query parameters <c>from</c>, <c>to</c>, <c>groupBy</c>) and the data dictionary at <c>/national/dictionary.json</c>.
/// The same grains and the same suppression as GraphQL; bad input is a 400 with a coded JSON error.
/// </summary>
public static class NationalOpenData
{
    /// <summary>The columns of every file, in order, with what each means.</summary>
    public static IReadOnlyList<(string Name, string Meaning)> Dictionary { get; } =
    [
        ("week", "The ISO week (Monday 00:00 UTC to the next Monday), e.g. 2026-W49."),
        ("region", "The UK region (ITL1) of the network the activity was posted in, when grouped by REGION; empty otherwise."),
        ("network", "The network's slug, when grouped by NETWORK; empty otherwise."),
        ("kind", "STORY, WANT, OFFER, EVENT, INSPIRATION, CONVERSATION or OUTCOME, when grouped by KIND; empty otherwise."),
        ("theme", "A theme, when grouped by THEME (an activity counts once under each of its themes; empty for activity without themes)."),
        ("count", "How many activities; empty when suppressed."),
        ("suppressed", "true when the count is withheld: from 1 to suppression_threshold − 1, or hidden so that such a count cannot be worked out from totals."),
        ("suppression_threshold", "The threshold the file was made with (at least 3)."),
        ("scope", "PUBLIC (public activity only) or CONSENTED (also what networks opted in to, for national viewers)."),
    ];

    /// <summary>The week-by-week series of activity.json beside its cells, each a list of { week, count, suppressed }.</summary>
    public static IReadOnlyList<(string Name, string Meaning)> Series { get; } =
    [
        ("weeklyTotals", "Each week's total activity, suppressed like any count."),
        ("newcomers", "Each week's newcomer organisations: those whose first activity counted anywhere in the hub falls in that week (in PUBLIC scope a first public activity; in CONSENTED scope also a first activity counted by consent). Suppressed like any count."),
        ("membersJoined", "Each week's organisations joining a network (membership lists are public); one joining two networks counts twice. Suppressed like any count."),
        ("introductions", "Introductions requested, connected, declined, expired and met, and wants met, over the range, from networks that opted in (CONSENTED scope only); a count is null if any week of the range has it from 1 to suppression_threshold − 1."),
    ];

    public static IEndpointRouteBuilder MapNationalOpenData(this IEndpointRouteBuilder app)
    {
        app.MapGet("/national/activity.csv", (Delegate)((HttpContext http) => AnswerAsync(http, csv: true)));
        app.MapGet("/national/activity.json", (Delegate)((HttpContext http) => AnswerAsync(http, csv: false)));
        app.MapGet("/national/dictionary.json", () => Results.Json(new
        {
            description = "National activity counts of the OurSociety hub, by ISO week, with small numbers suppressed. Never an organisation's or a person's name or contact.",
            columns = Dictionary.Select(c => new { name = c.Name, meaning = c.Meaning }),
            series = Series.Select(c => new { name = c.Name, meaning = c.Meaning }),
            parameters = new
            {
                from = "ISO-8601 date-time; default 52 weeks before `to`.",
                to = "ISO-8601 date-time, exclusive; default now. At most five years after `from`.",
                groupBy = "Comma-separated: REGION, NETWORK, KIND, THEME; empty for one count per week.",
            },
        }));
        return app;
    }

    private static async Task<IResult> AnswerAsync(HttpContext http, bool csv)
    {
        NationalReport report;
        NationalDimension groupBy;
        try
        {
            var q = http.Request.Query;
            groupBy = Dimensions(q["groupBy"].ToString());
            var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            var (from, to) = NationalView.Range(Date(q["from"].ToString(), "from"), Date(q["to"].ToString(), "to"), now);
            var caller = HubIdentity.From(http.User) is { } identity ? new Caller(identity.Subject, identity.Roles, []) : Caller.Anonymous;
            report = await http.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<INationalQueryGrain>("national")
                .GetReportAsync(caller, new NationalQuery(from, to, groupBy));
        }
        catch (HubException e)
        {
            return Results.Json(new { errors = new[] { new { code = e.Code, message = e.Message, field = e.Field } } }, statusCode: StatusCodes.Status400BadRequest);
        }

        return csv ? Results.Text(Csv(report), "text/csv; charset=utf-8", Encoding.UTF8) : Results.Json(Json(report, groupBy));
    }

    private static string Csv(NationalReport report)
    {
        var text = new StringBuilder(string.Join(',', Dictionary.Select(c => c.Name))).Append('\n');
        var scope = report.Scope.ToString().ToUpperInvariant();
        foreach (var c in report.Cells)
        {
            text.AppendJoin(',', [
                c.Week, Quote(c.Region), Quote(c.Network), c.Kind?.ToString().ToUpperInvariant() ?? "", Quote(c.Theme),
                c.Count?.ToString(CultureInfo.InvariantCulture) ?? "", c.Suppressed ? "true" : "false",
                report.SuppressionThreshold.ToString(CultureInfo.InvariantCulture), scope]).Append('\n');
        }

        return text.ToString();
    }

    private static object Json(NationalReport report, NationalDimension groupBy) => new
    {
        scope = report.Scope.ToString().ToUpperInvariant(),
        suppressionThreshold = report.SuppressionThreshold,
        groupBy = Enum.GetValues<NationalDimension>().Where(d => d != NationalDimension.None && groupBy.HasFlag(d)).Select(d => d.ToString().ToUpperInvariant()),
        weeks = report.Weeks,
        cells = report.Cells.Select(Cell),
        weeklyTotals = report.Totals.Select(Cell),
        newcomers = report.Newcomers.Select(Cell),
        membersJoined = report.MembersJoined.Select(Cell),
        introductions = report.Introductions,
    };

    private static object Cell(NationalCell c) => new
    {
        week = c.Week,
        region = c.Region,
        network = c.Network,
        kind = c.Kind?.ToString().ToUpperInvariant(),
        theme = c.Theme,
        count = c.Count,
        suppressed = c.Suppressed,
    };

    private static string Quote(string? value) =>
        value is null ? "" : value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static DateTimeOffset? Date(string value, string field) =>
        value.Length == 0 ? null
        : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at
        : throw new HubException(ErrorCodes.DateInvalid, $"'{field}' is not an ISO-8601 date-time.", field);

    private static NationalDimension Dimensions(string value)
    {
        var all = NationalDimension.None;
        foreach (var name in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            all |= name.ToUpperInvariant() switch
            {
                "REGION" => NationalDimension.Region,
                "NETWORK" => NationalDimension.Network,
                "KIND" => NationalDimension.Kind,
                "THEME" => NationalDimension.Theme,
                _ => throw new HubException(ErrorCodes.DimensionInvalid, $"Unknown dimension '{name}'. Choose from REGION, NETWORK, KIND, THEME.", "groupBy"),
            };
        }

        return all;
    }
}
