using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using OurSociety.Federation.Api.Tests.Hub;
using Xunit.Abstractions;

namespace OurSociety.Federation.Api.Tests.National;

/// <summary>
/// The dashboard in a real browser (headless Chromium driven by Playwright) against a seeded hub: the tables and charts
/// show the seeded counts and the suppression marks in the week the fixture seeded (whatever week the test runs in), the
/// token widens the scope, a bad range shows the API's code, and screenshots are kept under the test's output
/// (TestResults/).
/// </summary>
[Collection(DashboardHubCollection.Name)]
public sealed class NationalDashboardBrowserTests(DashboardHubFixture fixture, ITestOutputHelper output)
{
    private const string View = """
        query($from: DateTime, $to: DateTime) { national(from: $from, to: $to) { scope suppressionThreshold
          byRegion: activityByWeek(groupBy: [REGION]) { week region count suppressed }
          byKind: activityByWeek(groupBy: [KIND]) { week kind count suppressed }
          weeklyTotals { week count suppressed }
          newcomers { week count suppressed }
          membersJoined { week count suppressed } } }
        """;

    private readonly HubHost _hub = fixture.Hub;

    [ChromiumFact]
    public async Task The_dashboard_shows_the_seeded_counts_with_suppression_marks_in_its_tables_and_charts_and_the_apis_code_for_a_bad_range()
    {
        // The week everything was seeded in, not the clock's now: a run may start after the next Monday 00:00 UTC. The
        // page's default range (the last twelve weeks) holds it either way.
        var week = fixture.Week;
        var suppressed = "suppressed (<5)";

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium.Path, Headless = true });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 1000 } });
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") problems.Add(message.Text); };
        page.PageError += (_, error) => problems.Add(error);
        var elsewhere = new List<string>();
        page.Request += (_, request) => { if (!request.Url.StartsWith(_hub.Http.BaseAddress!.ToString().TrimEnd('/'), StringComparison.Ordinal)) elsewhere.Add(request.Url); };

        await page.GotoAsync(new Uri(_hub.Http.BaseAddress!, "/national").ToString());
        await Loaded(page);
        Assert.Equal("PUBLIC", await page.GetAttributeAsync("#status", "data-scope"));
        Assert.Equal("5", await page.GetAttributeAsync("#status", "data-threshold"));

        // The first Tab reaches the skip link, drawn with a visible focus ring; after the three open data links, the range.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip", await page.EvaluateAsync<string>("() => document.activeElement.className"));
        Assert.NotEqual("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));
        for (var i = 0; i < 4; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal("from", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        // Then the range's other fields (Tab steps through a date's parts) and each table in turn, the newcomers' after the kinds'.
        var reached = new List<string>();
        for (var i = 0; i < 30 && !reached.Contains("themes-table"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var id = await page.EvaluateAsync<string>("() => document.activeElement.id");
            if (id != (reached.Count == 0 ? "from" : reached[^1]))
            {
                reached.Add(id);
            }
        }

        Assert.Equal(["to", "token", "show", "regions-table", "kinds-table", "growth-table", "themes-table"], reached);

        // Region by week: the page's cells are the API's, and this week's seeded totals are there.
        var from = await page.InputValueAsync("#from");
        var to = await page.InputValueAsync("#to");
        var api = (await _hub.GraphQLAsync(View, new { from = from + "T00:00:00Z", to = DateTime.Parse(to, CultureInfo.InvariantCulture).AddDays(1).ToString("yyyy-MM-dd'T'00:00:00'Z'", CultureInfo.InvariantCulture) }))["data"]!["national"]!;
        var thisWeek = $"#regions-table-data tr[data-week='{week}']";
        Assert.Equal("26", await Cell(page, thisWeek, "total"));
        foreach (var c in api["byRegion"]!.AsArray().Where(c => c!.Str("week") == week))
        {
            Assert.Equal(Expected(c!), await Cell(page, thisWeek, c!.Str("region")));
        }

        Assert.Equal("16", await Cell(page, thisWeek, "North East"));
        Assert.Equal("10", await Cell(page, thisWeek, "North West"));

        // By kind: wants (2) and events (3) are marked suppressed, never 0; every cell agrees with the API.
        var kinds = $"#kinds-table-data tr[data-week='{week}']";
        Assert.Equal(suppressed, await Cell(page, kinds, "WANT"));
        Assert.Equal(suppressed, await Cell(page, kinds, "EVENT"));
        foreach (var c in api["byKind"]!.AsArray().Where(c => c!.Str("week") == week))
        {
            Assert.Equal(Expected(c!), await Cell(page, kinds, c!.Str("kind")));
        }

        // Newcomers (the two organisations that posted) are marked suppressed, never 0; the five joins are shown.
        var growth = $"#growth-table-data tr[data-week='{week}']";
        Assert.Equal(suppressed, await Cell(page, growth, "newcomers"));
        Assert.Equal(DashboardHubFixture.Joined.ToString(CultureInfo.InvariantCulture), await Cell(page, growth, "membersJoined"));
        foreach (var field in new[] { "newcomers", "membersJoined" })
        {
            Assert.Equal(Expected(api[field]!.AsArray().Single(c => c!.Str("week") == week)!), await Cell(page, growth, field));
        }

        // Top themes: food first with its 15, transport (2) marked suppressed.
        Assert.Equal("food", await page.InnerTextAsync("#themes-table-data tbody tr:first-child th"));
        Assert.Equal("15", await page.InnerTextAsync("#themes-table-data tr[data-theme='food'] td:nth-of-type(1)"));
        Assert.Equal(suppressed, await page.InnerTextAsync("#themes-table-data tr[data-theme='transport'] td:nth-of-type(1)"));

        // The funnel is not counted in the public view; the link graph has both networks and their link.
        Assert.Equal("not counted in the public view", await page.InnerTextAsync("#funnel-table-data tr[data-stage='requested'] td"));
        Assert.Equal(2, await page.Locator("#links-graph circle").CountAsync());
        Assert.Equal(1, await page.Locator("#links-graph line").CountAsync());
        Assert.Contains("Greater Manchester Voluntary Action", await page.InnerTextAsync("#links-table-data tbody"), StringComparison.Ordinal);

        // The charts were drawn (Chart.js is built in) and are described for screen readers.
        Assert.True(await page.EvaluateAsync<bool>("() => typeof Chart === 'function' && ['regions-chart', 'kinds-chart', 'growth-chart', 'themes-chart'].every(id => Chart.getChart(id) !== undefined)"));
        Assert.Equal("img", await page.GetAttributeAsync("#regions-chart", "role"));
        Assert.Equal("img", await page.GetAttributeAsync("#growth-chart", "role"));
        const string AtWeek = "([id, label, week]) => { const c = Chart.getChart(id); const d = c.data.datasets.find(d => d.label === label); const i = c.data.labels.indexOf(week); return [d.data[i], d.suppressed[i] ? 1 : 0]; }";
        Assert.Equal([null, 1], await page.EvaluateAsync<int?[]>(AtWeek, new object[] { "kinds-chart", "Want", week }));
        Assert.Equal([null, 1], await page.EvaluateAsync<int?[]>(AtWeek, new object[] { "kinds-chart", "Event", week }));
        Assert.Equal([null, 1], await page.EvaluateAsync<int?[]>(AtWeek, new object[] { "growth-chart", "Newcomer organisations", week }));
        Assert.Equal([DashboardHubFixture.Joined, 0], await page.EvaluateAsync<int?[]>(AtWeek, new object[] { "growth-chart", "Organisations joining a network", week }));
        var shots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults")).FullName;
        await Screenshot(page, Path.Combine(shots, "national-dashboard-public.png"));

        // With a national viewer's token (typed, then Enter in the form): the consented scope and the funnel, suppressed.
        await page.FocusAsync("#token");
        await page.Keyboard.TypeAsync(fixture.NationalViewerToken);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#status[data-scope='CONSENTED']");
        await Loaded(page);
        Assert.Equal(suppressed, await page.InnerTextAsync("#funnel-table-data tr[data-stage='requested'] td"));
        Assert.Equal(suppressed, await page.InnerTextAsync("#funnel-table-data tr[data-stage='connected'] td"));
        Assert.Equal("0", await page.InnerTextAsync("#funnel-table-data tr[data-stage='declined'] td"));
        Assert.Equal(suppressed, await Cell(page, growth, "newcomers"));
        Assert.Equal(DashboardHubFixture.Joined.ToString(CultureInfo.InvariantCulture), await Cell(page, growth, "membersJoined"));
        await Screenshot(page, Path.Combine(shots, "national-dashboard-national-viewer.png"));

        // A range that ends before it starts: the API's code, shown in an alert, the field marked invalid.
        await page.FillAsync("#from", "2026-06-10");
        await page.FillAsync("#to", "2026-06-01");
        await page.ClickAsync("#show");
        await page.WaitForSelectorAsync("#errors:not([hidden])");
        Assert.Contains("RANGE_INVALID", await page.InnerTextAsync("#errors"), StringComparison.Ordinal);
        Assert.Equal("alert", await page.GetAttributeAsync("#errors", "role"));
        Assert.Equal("true", await page.GetAttributeAsync("#to", "aria-invalid"));

        Assert.Empty(problems);
        Assert.Empty(elsewhere);
    }

    private static string Expected(JsonNode cell) =>
        cell["suppressed"]!.GetValue<bool>() ? "suppressed (<5)" : cell["count"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture);

    private static Task<string> Cell(IPage page, string row, string key) => page.InnerTextAsync($"{row} td[data-key='{key}']");

    private static Task Loaded(IPage page) => page.WaitForSelectorAsync("#main[aria-busy='false']");

    private async Task Screenshot(IPage page, string path)
    {
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"Screenshot: {path}");
    }
}

/// <summary>Where Chromium is: HUB_TEST_CHROMIUM, else Debian's /usr/bin/chromium (the test command installs it).</summary>
public static class Chromium
{
    public static string Path => Environment.GetEnvironmentVariable("HUB_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static string? SkipReason =>
        File.Exists(Path) || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? null
            : $"The browser test needs Chromium at {Path} (Debian's chromium package; ./scripts/test installs it as root). Skipped outside CI.";
}

/// <summary>A fact that needs Chromium: skipped with a reason outside CI when it is missing, never skipped in CI.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute() => Skip = Chromium.SkipReason;
}
