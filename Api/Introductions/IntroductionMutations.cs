using GraphQL.Types;
using OurSociety.Federation.Api.Common;
using OurSociety.Federation.Api.Organisations;
using OurSociety.Federation.Common;
using OurSociety.Federation.Introductions;

namespace OurSociety.Federation.Api.Introductions;

public static class IntroductionMutations
{
    public static void AddIntroductionMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<IntroductionPayloadType, RequestIntroductionInputType, IntroductionView>(
            "requestIntroduction",
            "Asks to introduce two organisations in the same network or in two actively linked ones: a coordinator brokers it for its network, or a person asks for their own organisation. Both must say yes before either sees the other's contact details.",
            async (ctx, input) =>
            {
                var caller = (await ctx.CallerAsync()).RequireSignedIn("ask for an introduction");
                var command = new RequestIntroduction(
                    OrganisationIds.Parse(input.Get<string>("a"), "a"),
                    OrganisationIds.Parse(input.Get<string>("b"), "b"),
                    input.Get<string>("reason") ?? string.Empty,
                    input.Get<string>("brokerNetworkSlug"),
                    IntroductionIds.Activity(input.Get<string>("wantId"), "wantId"),
                    IntroductionIds.Activity(input.Get<string>("offerId"), "offerId"));
                var rid = Input.RequestId(input.Get<string>("clientRequestId"), "clientRequestId");
                var hub = ctx.Hub();
                var ids = ctx.RequestServices!.GetRequiredService<HubIds>();
                var id = rid is null ? ids.NewIntroductionId() : await hub.Grains.GetRequest(caller, "requestIntroduction:" + rid).ClaimAsync(ids.NewIntroductionId());
                return await hub.Grains.GetIntroduction(id).RequestAsync(caller, command);
            });

        mutation.Mutation<IntroductionPayloadType, RespondToIntroductionInputType, IntroductionView>(
            "respondToIntroduction",
            "One of the two organisations says yes or no. Both yes: connected, and each sees the other's contact details. A no closes it; the other side only learns it was not taken forward.",
            async (ctx, input) =>
            {
                var caller = (await ctx.CallerAsync()).RequireSignedIn("answer an introduction");
                return await ctx.Hub().Grains.GetIntroduction(IntroductionIds.Parse(input.Get<string>("introductionId"), "introductionId"))
                    .RespondAsync(caller, OptionalOrganisation(input), input.GetValue<bool>("accept") ?? false, input.Get<string>("clientRequestId"));
            });

        mutation.Mutation<IntroductionPayloadType, WithdrawIntroductionInputType, IntroductionView>(
            "withdrawIntroduction",
            "Whoever asked for an introduction (the brokering network's coordinators, or the organisation that asked) withdraws it while it is open.",
            async (ctx, input) =>
            {
                var caller = (await ctx.CallerAsync()).RequireSignedIn("withdraw an introduction");
                return await ctx.Hub().Grains.GetIntroduction(IntroductionIds.Parse(input.Get<string>("introductionId"), "introductionId")).WithdrawAsync(caller);
            });

        mutation.Mutation<IntroductionPayloadType, AnswerIntroductionCheckInInputType, IntroductionView>(
            "answerIntroductionCheckIn",
            "One of the two organisations answers \"did you meet?\" once connected; a yes counts the introduction as met.",
            async (ctx, input) =>
            {
                var caller = (await ctx.CallerAsync()).RequireSignedIn("answer an introduction's check-in");
                return await ctx.Hub().Grains.GetIntroduction(IntroductionIds.Parse(input.Get<string>("introductionId"), "introductionId"))
                    .AnswerCheckInAsync(caller, OptionalOrganisation(input), input.GetValue<bool>("met") ?? false);
            });

        mutation.Mutation<IntroductionPreferencesPayloadType, SetIntroductionPreferencesInputType, IntroductionPreferences>(
            "setIntroductionPreferences",
            "An organisation chooses whether it takes introductions at all, and which organisations it does not want to be introduced to. For its own people. Changes made at the same time all take effect.",
            async (ctx, input) =>
            {
                var caller = (await ctx.CallerAsync()).RequireSignedIn("choose which introductions an organisation takes");
                var inbox = ctx.Hub().Grains.GetInbox(OrganisationIds.Parse(input.Get<string>("organisationId"), "organisationId"));
                var block = (input.GetList<string>("block") ?? []).Select(id => OrganisationIds.Parse(id, "block")).ToArray();
                var unblock = (input.GetList<string>("unblock") ?? []).Select(id => OrganisationIds.Parse(id, "unblock")).ToArray();
                return await inbox.ChangePreferencesAsync(caller, input.GetValue<bool>("open"), block, unblock);
            });
    }

    private static string? OptionalOrganisation(Dictionary<string, object?> input) =>
        input.Get<string>("organisationId") is { } id ? OrganisationIds.Parse(id, "organisationId") : null;
}
