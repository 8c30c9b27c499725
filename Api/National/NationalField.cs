using GraphQL;
using GraphQL.Types;
using OurSociety.Federation.Api.Common;

namespace OurSociety.Federation.Api.National;

/// <summary>The <c>national</c> root field.</summary>
public static class NationalField
{
    public static void AddNational(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<NationalViewType>>("national")
            .Description("Aggregated activity across the hub, by week, with small numbers suppressed: public activity for anyone; national viewers also see what networks opted in to. The same view is open data at /national/activity.csv and /national/activity.json.")
            .Argument<DateTimeScalar>("from", "The start of the range (counted in whole ISO weeks: the week holding it is included); 52 weeks before `to` if left out.")
            .Argument<DateTimeScalar>("to", "The end of the range, exclusive; now if left out. At most five years after `from`.")
            .ResolveAsync(async ctx =>
            {
                var hub = ctx.Hub();
                var now = ctx.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow();
                var (from, to) = NationalView.Range(ctx.GetArgument<DateTimeOffset?>("from"), ctx.GetArgument<DateTimeOffset?>("to"), now);
                return new NationalView(hub.Grains, await ctx.CallerAsync(), from, to);
            });
}
