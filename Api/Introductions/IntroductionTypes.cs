using GraphQL.Types;
using OurSociety.Federation.Api.Common;
using OurSociety.Federation.Api.Feeds;
using OurSociety.Federation.Api.Networks;
using OurSociety.Federation.Api.Organisations;
using OurSociety.Federation.Common;
using OurSociety.Federation.Introductions;

namespace OurSociety.Federation.Api.Introductions;

public sealed class IntroductionStateType : EnumerationGraphType<IntroductionState>
{
    public IntroductionStateType()
    {
        Name = "IntroductionState";
        Description = "Where an introduction stands.";
        this.Describe(
            ("REQUESTED", "Asked for; neither organisation has answered."),
            ("ACCEPTED_BY_ONE", "One organisation has said yes; the other has not answered."),
            ("CONNECTED", "Both said yes: each now sees the other's contact details."),
            ("DECLINED", "Not taken forward: one of them said no (the other side is never told which)."),
            ("EXPIRED", "Not answered in time."),
            ("WITHDRAWN", "Withdrawn by whoever asked for it."));
    }
}

public sealed class IntroductionAnswerType : EnumerationGraphType<IntroductionAnswer>
{
    public IntroductionAnswerType()
    {
        Name = "IntroductionAnswer";
        Description = "One organisation's answer to an introduction.";
        this.Describe(
            ("NONE", "Not answered yet."),
            ("ACCEPTED", "Said yes."),
            ("DECLINED", "Said no."));
    }
}

public sealed class IntroductionType : ObjectGraphType<IntroductionView>
{
    public IntroductionType()
    {
        Name = "Introduction";
        Description = "A brokered, double opt-in introduction between two organisations, as the caller may see it: a party sees its own answer, a brokering network's coordinators see how it went. Contact details appear only on `a`/`b` `contact`, for the other side, once CONNECTED.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is IntroductionView;
        Field<NonNullGraphType<IdGraphType>>("id").Description("The introduction's global id.").Resolve(ctx => IntroductionIds.GlobalIdOf(ctx.Source.Id));
        Field<NonNullGraphType<IntroductionStateType>>("state").Description("Where it stands.").Resolve(ctx => ctx.Source.State);
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Why they should meet, as the asker put it.").Resolve(ctx => ctx.Source.Reason);
        Field<NonNullGraphType<DateTimeScalar>>("requestedAt").Description("When it was asked for.").Resolve(ctx => ctx.Source.RequestedAt);
        Field<NonNullGraphType<DateTimeScalar>>("expiresAt").Description("When it expires if not both have answered (a reminder goes out at half-time).").Resolve(ctx => ctx.Source.ExpiresAt);
        Field<NonNullGraphType<OrganisationType>>("a").Description("One organisation.").Resolve(ctx => ctx.Hub().Organisations.Load(ctx.Source.A));
        Field<NonNullGraphType<OrganisationType>>("b").Description("The other organisation.").Resolve(ctx => ctx.Hub().Organisations.Load(ctx.Source.B));
        Field<NetworkType>("brokerNetwork")
            .Description("The network whose coordinator brokered it (credited with it); null when one of the two asked for itself.")
            .Resolve(ctx => ctx.Source.BrokerNetwork is { } slug ? ctx.Hub().Networks.Load(slug) : null);
        Field<ActivityType>("want").Description("The want it answers, if any and if the caller may see it.").ResolveAsync(async ctx => await ActivityAsync(ctx, ctx.Source.Want));
        Field<ActivityType>("offer").Description("The offer that meets it, if any and if the caller may see it.").ResolveAsync(async ctx => await ActivityAsync(ctx, ctx.Source.Offer));
        Field<IntroductionAnswerType>("yourAnswer")
            .Description("For one of the two organisations: its own answer (the other's is never shown). Null for the broker.")
            .Resolve(ctx => ctx.Source.Role == IntroductionRole.Party ? ctx.Source.YourAnswer : null);
        Field<OrganisationType>("counterpart")
            .Description("For one of the two organisations: the other one. Null for the broker.")
            .Resolve(ctx => ctx.Source.Counterpart is { } other ? ctx.Hub().Organisations.Load(other) : null);
        Field<DateTimeScalar>("connectedAt").Description("When both had said yes.").Resolve(ctx => ctx.Source.ConnectedAt);
        Field<DateTimeScalar>("closedAt").Description("When it was declined, expired or withdrawn.").Resolve(ctx => ctx.Source.ClosedAt);
        Field<NonNullGraphType<BooleanGraphType>>("reminded").Description("For an organisation that has not answered: the hub has reminded it.").Resolve(ctx => ctx.Source.Reminded);
        Field<NonNullGraphType<BooleanGraphType>>("checkInAsked").Description("Whether the \"did you meet?\" check-in has been asked (some days after connecting).").Resolve(ctx => ctx.Source.CheckInAsked);
        Field<BooleanGraphType>("met").Description("Whether they met, once either has answered the check-in; null until then.").Resolve(ctx => ctx.Source.Met);
    }

    private static async Task<object?> ActivityAsync(GraphQL.IResolveFieldContext<IntroductionView> ctx, ActivityRef? activity) =>
        activity is null ? null : await ctx.Hub().Grains.GetNetwork(activity.Network).GetActivityAsync(await ctx.CallerAsync(), activity.Seq);
}

public sealed class IntroductionPayloadType() : PayloadGraphType<IntroductionType, IntroductionView>(
    "IntroductionPayload", "introduction", "The result of an introduction mutation: the introduction as the caller now sees it, or why nothing changed.");

public sealed class IntroductionPreferencesType : ObjectGraphType<IntroductionPreferences>
{
    public IntroductionPreferencesType()
    {
        Name = "IntroductionPreferences";
        Description = "Which introductions an organisation takes: its own choice, seen only by its own people.";
        Field<NonNullGraphType<BooleanGraphType>>("open").Description("False when it takes no introductions at all.").Resolve(ctx => ctx.Source.Open);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganisationType>>>>("blocked")
            .Description("Organisations it does not want to be introduced to.")
            .ResolveAsync(async ctx =>
            {
                var profiles = await Task.WhenAll(ctx.Source.Blocked.Select(id => ctx.Hub().Organisations.Load(id).GetResultAsync(ctx.CancellationToken)));
                return profiles.Where(p => p is not null).ToArray();
            });
    }
}

public sealed class IntroductionPreferencesPayloadType() : PayloadGraphType<IntroductionPreferencesType, IntroductionPreferences>(
    "IntroductionPreferencesPayload", "preferences", "The result of setIntroductionPreferences: the preferences as they now are, or why nothing changed.");

public sealed class RequestIntroductionInputType : InputObjectGraphType
{
    public RequestIntroductionInputType()
    {
        Name = "RequestIntroductionInput";
        Description = "Ask to introduce two organisations: as a coordinator brokering it (brokerNetworkSlug), or for an organisation you act for (which says yes by asking).";
        Field<NonNullGraphType<IdGraphType>>("a").Description("One organisation.");
        Field<NonNullGraphType<IdGraphType>>("b").Description("The other organisation.");
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Why they should meet (up to 1,000 characters), shown to both.");
        Field<StringGraphType>("brokerNetworkSlug").Description("The network you coordinate and broker it for; one of the two must be its member. Omit when asking for your own organisation.");
        Field<IdGraphType>("wantId").Description("The WANT it answers, posted by one of the two.");
        Field<IdGraphType>("offerId").Description("The OFFER that meets it, posted by the other.");
        Field<StringGraphType>("clientRequestId").Description("Makes a retry safe: the same id from the same caller returns the first introduction.");
    }
}

public sealed class RespondToIntroductionInputType : InputObjectGraphType
{
    public RespondToIntroductionInputType()
    {
        Name = "RespondToIntroductionInput";
        Description = "One of the two organisations says yes or no.";
        Field<NonNullGraphType<IdGraphType>>("introductionId").Description("The introduction.");
        Field<NonNullGraphType<BooleanGraphType>>("accept").Description("True to say yes, false to decline (the other side only learns it was not taken forward).");
        Field<IdGraphType>("organisationId").Description("Which of the two you answer for, if you act for both.");
        Field<StringGraphType>("clientRequestId").Description("Makes a retry safe: answering again with the same id returns the introduction as it stands; answering again without it is ALREADY_ANSWERED.");
    }
}

public sealed class WithdrawIntroductionInputType : InputObjectGraphType
{
    public WithdrawIntroductionInputType()
    {
        Name = "WithdrawIntroductionInput";
        Description = "Whoever asked for an introduction withdraws it while it is open.";
        Field<NonNullGraphType<IdGraphType>>("introductionId").Description("The introduction.");
    }
}

public sealed class AnswerIntroductionCheckInInputType : InputObjectGraphType
{
    public AnswerIntroductionCheckInInputType()
    {
        Name = "AnswerIntroductionCheckInInput";
        Description = "One of the two organisations answers \"did you meet?\" once connected; a yes counts the introduction as met.";
        Field<NonNullGraphType<IdGraphType>>("introductionId").Description("The introduction.");
        Field<NonNullGraphType<BooleanGraphType>>("met").Description("Whether they met.");
        Field<IdGraphType>("organisationId").Description("Which of the two you answer for, if you act for both.");
    }
}

public sealed class SetIntroductionPreferencesInputType : InputObjectGraphType
{
    public SetIntroductionPreferencesInputType()
    {
        Name = "SetIntroductionPreferencesInput";
        Description = "An organisation chooses which introductions it takes. For its own people.";
        Field<NonNullGraphType<IdGraphType>>("organisationId").Description("The organisation.");
        Field<BooleanGraphType>("open").Description("False to take no introductions at all; true to take them again. Unchanged when omitted.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("block").Description("Organisations not to be introduced to.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("unblock").Description("Organisations to take introductions to again.");
    }
}
