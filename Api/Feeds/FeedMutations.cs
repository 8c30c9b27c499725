using GraphQL.Types;
using OurSociety.Federation.Api.Common;
using OurSociety.Federation.Api.Organisations;
using OurSociety.Federation.Common;
using OurSociety.Federation.Feeds;

namespace OurSociety.Federation.Api.Feeds;

public static class FeedMutations
{
    public static void AddFeedMutations(this ObjectGraphType mutation) =>
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
}
