using GraphQL;
using GraphQL.Types;
using OurSociety.Federation.Api.Common;
using OurSociety.Federation.Api.Feeds;
using OurSociety.Federation.National;

namespace OurSociety.Federation.Api.National;

/// <summary>The dimensions national activity can be grouped by.</summary>
public sealed class NationalDimensionType : EnumerationGraphType
{
    public NationalDimensionType()
    {
        Name = "NationalDimension";
        Description = "What national activity counts may be grouped by, besides the week (always there).";
        Add("REGION", NationalDimension.Region, "The region of the network the activity was posted in: where the work happens, never an organisation's registered office.");
        Add("NETWORK", NationalDimension.Network, "The network's slug.");
        Add("KIND", NationalDimension.Kind, "The kind of activity.");
        Add("THEME", NationalDimension.Theme, "A theme: an activity counts once under each of its themes, and under a null theme if it has none, so theme cells do not add up to totals.");
    }
}

/// <summary>What an answer counted.</summary>
public sealed class NationalScopeType : EnumerationGraphType<NationalScope>
{
    public NationalScopeType()
    {
        Name = "NationalScope";
        Description = "What a national answer counts.";
        this.Describe(
            ("PUBLIC", "Public activity only: what anyone may read."),
            ("CONSENTED", "Public activity, plus the non-public activity, introductions and wants met of networks that opted in to national statistics: for national viewers."));
    }
}

/// <summary>One published count.</summary>
public sealed class NationalCellType : ObjectGraphType<NationalCell>
{
    public NationalCellType()
    {
        Name = "NationalCell";
        Description = "A count of activity in one ISO week and the coordinates grouped by (null for those not grouped by). count is null when suppressed: below suppressionThreshold, or hidden so that another small count cannot be worked out from totals.";
        Field(x => x.Week).Description("The ISO week, e.g. 2026-W49 (Monday 00:00 UTC to the next Monday).");
        Field(x => x.Region, nullable: true).Description("The region, when grouped by REGION.");
        Field(x => x.Network, nullable: true).Description("The network's slug, when grouped by NETWORK.");
        Field<ActivityKindType>("kind").Description("The kind, when grouped by KIND.").Resolve(ctx => ctx.Source.Kind);
        Field(x => x.Theme, nullable: true).Description("The theme, when grouped by THEME; null there for activity without themes.");
        Field<IntGraphType>("count").Description("How many; null when suppressed.").Resolve(ctx => ctx.Source.Count is { } n ? (int)Math.Min(n, int.MaxValue) : null);
        Field(x => x.Suppressed).Description("Whether the count is withheld.");
    }
}

/// <summary>Introductions and wants met over the range.</summary>
public sealed class IntroductionFunnelType : ObjectGraphType<NationalFunnel>
{
    public IntroductionFunnelType()
    {
        Name = "IntroductionFunnel";
        Description = "Introductions and wants met over the range, in the networks that opted in to national statistics (introductions are never public, so the PUBLIC scope counts none). A count is null when any week of the range has it from 1 to suppressionThreshold − 1, so overlapping ranges cannot be subtracted to find a week's small count.";
        Field<IntGraphType>("requested").Description("Introductions asked for.").Resolve(ctx => Int(ctx.Source.Requested));
        Field<IntGraphType>("connected").Description("Introductions both sides said yes to.").Resolve(ctx => Int(ctx.Source.Connected));
        Field<IntGraphType>("declined").Description("Introductions one side declined.").Resolve(ctx => Int(ctx.Source.Declined));
        Field<IntGraphType>("expired").Description("Introductions that went unanswered until they expired.").Resolve(ctx => Int(ctx.Source.Expired));
        Field<IntGraphType>("met").Description("Connected introductions whose parties said they met.").Resolve(ctx => Int(ctx.Source.Met));
        Field<IntGraphType>("wantsMet").Description("Wants their organisations marked met.").Resolve(ctx => Int(ctx.Source.WantsMet));
    }

    private static int? Int(long? n) => n is { } v ? (int)Math.Min(v, int.MaxValue) : null;
}

/// <summary>The national view: aggregates only, never an organisation or a person.</summary>
public sealed class NationalViewType : ObjectGraphType<NationalView>
{
    public NationalViewType()
    {
        Name = "NationalView";
        Description = "Aggregated activity across the hub by week, with small numbers suppressed. Anyone sees public activity; national viewers also what networks opted in to. Cells name regions and network slugs only, never an organisation or a person.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NationalCellType>>>>("activityByWeek")
            .Description("Activity counts by week and the dimensions given (none: one count per week), oldest week first.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<NationalDimensionType>>>>("groupBy", "The dimensions to group by; an empty list gives week totals.")
            .ResolveAsync(async ctx => (await ctx.Source.ReportAsync(Dimensions(ctx.GetArgument<List<NationalDimension>>("groupBy")))).Cells);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NationalCellType>>>>("weeklyTotals")
            .Description("Each week's total activity, suppressed like any cell.")
            .ResolveAsync(async ctx => (await ctx.Source.AnyReportAsync()).Totals);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NationalCellType>>>>("newcomers")
            .Description("Each week's newcomer organisations: those whose first activity counted anywhere in the hub falls in that week (for anyone, a first public activity; national viewers also a first activity counted by consent). Suppressed like any total.")
            .ResolveAsync(async ctx => (await ctx.Source.AnyReportAsync()).Newcomers);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NationalCellType>>>>("membersJoined")
            .Description("Each week's organisations joining a network (membership lists are public, so everyone sees the same). An organisation joining two networks counts twice. Suppressed like any total.")
            .ResolveAsync(async ctx => (await ctx.Source.AnyReportAsync()).MembersJoined);
        Field<NonNullGraphType<IntroductionFunnelType>>("introductions")
            .Description("Introductions and wants met over the range.")
            .ResolveAsync(async ctx => (await ctx.Source.AnyReportAsync()).Introductions);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Networks.LinkType>>>>("linkGraph")
            .Description("The active links between networks (links are public), each once, seen from the side whose slug sorts first.")
            .ResolveAsync(async ctx => await ctx.Source.LinksAsync());
        Field<NonNullGraphType<IntGraphType>>("suppressionThreshold")
            .Description("Counts from 1 to this minus one are suppressed (Hub:National:SuppressionThreshold, at least 3).")
            .ResolveAsync(async ctx => (await ctx.Source.AnyReportAsync()).SuppressionThreshold);
        Field<NonNullGraphType<NationalScopeType>>("scope")
            .Description("What this answer counts, given who asks.")
            .ResolveAsync(async ctx => (await ctx.Source.AnyReportAsync()).Scope);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("weeks")
            .Description("The ISO weeks the range touches, oldest first: every week from the one holding `from` to the one before `to`.")
            .ResolveAsync(async ctx => (await ctx.Source.AnyReportAsync()).Weeks);
    }

    internal static NationalDimension Dimensions(IEnumerable<NationalDimension>? values) =>
        (values ?? []).Aggregate(NationalDimension.None, (all, d) => all | d);
}
