using GraphQL.Types;
using OurSociety.Federation.Api.Common;
using OurSociety.Federation.Api.Organisations;
using OurSociety.Federation.Common;
using OurSociety.Federation.Feeds;

namespace OurSociety.Federation.Api.Feeds;

public static class FeedMutations
{
    public static void AddFeedMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<PostActivityPayloadType, PostActivityInputType, Activity>(
            "postActivity",
            "Posts a story, want, offer, event, inspiration, conversation or outcome into a network's feed, for a member organisation the caller acts for.",
            async (ctx, input) =>
            {
                var slug = Input.Slug(input.Get<string>("networkSlug"), "networkSlug");
                var organisationId = OrganisationIds.Parse(input.Get<string>("organisationId"), "organisationId");
                var post = new PostActivity(
                    (ActivityKind)input["kind"]!,
                    input.Get<string>("title"),
                    input.Get<string>("body"),
                    input.GetList<string>("themes"),
                    input.GetList<string>("labels"),
                    input.Get<Place>("place"),
                    input.GetValue<Visibility>("visibility") ?? Visibility.Network,
                    input.Get<string>("clientRequestId"));
                return await ctx.Hub().Grains.GetNetwork(slug).PostAsync(await ctx.CallerAsync(), organisationId, post);
            });

        mutation.Mutation<LabelActivityPayloadType, LabelActivityInputType, Activity>(
            "labelActivity",
            "Sets the labels of an activity (an empty list removes them). Only the organisation that posted it labels it: for people who act for that organisation.",
            async (ctx, input) =>
            {
                if (!ActivityIds.TryParseGlobal(input.Get<string>("activityId"), out var slug, out var seq))
                {
                    throw new HubException(ErrorCodes.IdInvalid, "That is not an activity id.", "activityId");
                }

                return await ctx.Hub().Grains.GetNetwork(slug).LabelAsync(await ctx.CallerAsync(), seq, input.GetList<string>("labels") ?? []);
            });
    }
}

public sealed class LabelActivityInputType : InputObjectGraphType
{
    public LabelActivityInputType()
    {
        Name = "LabelActivityInput";
        Description = "An organisation labels one of its own items, say with a campaign name.";
        Field<NonNullGraphType<IdGraphType>>("activityId").Description("The activity's global id.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("labels")
            .Description("All its labels from now on: up to 20, each up to 50 characters, stored lower-case.");
    }
}

public sealed class LabelActivityPayloadType() : PayloadGraphType<ActivityType, Activity>(
    "LabelActivityPayload", "activity", "The result of labelActivity: the activity with its labels, or why nothing changed.");
