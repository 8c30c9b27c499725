using GraphQL;
using GraphQL.Types;
using OurSociety.Federation.Api.Common;
using OurSociety.Federation.Api.Feeds;
using OurSociety.Federation.Api.Networks;
using OurSociety.Federation.Api.Organisations;
using OurSociety.Federation.Common;
using OurSociety.Federation.Feeds;
using OurSociety.Federation.Networks;
using OurSociety.Federation.Organisations;

namespace OurSociety.Federation.Api;

public sealed class HubMutation : ObjectGraphType
{
    public HubMutation()
    {
        Name = "Mutation";
        Description = "Everything a network or organisation does. Each returns a payload with the changed object or coded errors; on an error nothing changed.";

        Field<NonNullGraphType<CreateNetworkPayloadType>>("createNetwork")
            .Description("Creates a network's hub under a unique slug.")
            .Argument<NonNullGraphType<CreateNetworkInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var hub = Hub(ctx);
                var input = ctx.GetArgument<Dictionary<string, object?>>("input");
                return await Payload<NetworkProfile>.RunAsync(() =>
                {
                    var slug = Input.Slug(Get<string>(input, "slug"), "slug");
                    return hub.Grains.GetNetwork(slug).CreateAsync(
                        hub.Caller,
                        new CreateNetwork(Get<string>(input, "name"), Get<string>(input, "region"), Get<string>(input, "charter"), null, Get<string>(input, "clientRequestId")));
                });
            });

        Field<NonNullGraphType<RegisterOrganisationPayloadType>>("registerOrganisation")
            .Description("Registers an organisation on the hub; it can then join networks.")
            .Argument<NonNullGraphType<RegisterOrganisationInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var hub = Hub(ctx);
                var input = ctx.GetArgument<Dictionary<string, object?>>("input");
                return await Payload<OrganisationProfile>.RunAsync(async () =>
                {
                    var command = new RegisterOrganisation(
                        Get<string>(input, "name"),
                        Get<string>(input, "kind"),
                        Get<string>(input, "orgId"),
                        Get<Place>(input, "registeredAt"),
                        GetList<Place>(input, "activeIn"),
                        GetList<string>(input, "themes"),
                        Get<Contact>(input, "contact"),
                        Input.RequestId(Get<string>(input, "clientRequestId"), "clientRequestId"));
                    var ids = ctx.RequestServices!.GetRequiredService<HubIds>();
                    var id = command.ClientRequestId is { } rid
                        ? await hub.Grains.GetRequest(hub.Caller, "registerOrganisation:" + rid).ClaimAsync(ids.NewOrganisationId())
                        : ids.NewOrganisationId();
                    var registered = await hub.Grains.GetOrganisation(id).RegisterAsync(hub.Caller, command);
                    hub.OrganisationCache.Set(registered);
                    return registered;
                });
            });

        Field<NonNullGraphType<JoinNetworkPayloadType>>("joinNetwork")
            .Description("An organisation joins a network and may then post into it.")
            .Argument<NonNullGraphType<JoinNetworkInputType>>("input")
            .ResolveAsync(async ctx => await Membership(ctx, (org, caller, slug) => org.JoinNetworkAsync(caller, slug)));

        Field<NonNullGraphType<LeaveNetworkPayloadType>>("leaveNetwork")
            .Description("An organisation leaves a network; what it posted stays in the network's feed.")
            .Argument<NonNullGraphType<LeaveNetworkInputType>>("input")
            .ResolveAsync(async ctx => await Membership(ctx, (org, caller, slug) => org.LeaveNetworkAsync(caller, slug)));

        Field<NonNullGraphType<PostActivityPayloadType>>("postActivity")
            .Description("Posts a story, want, offer, event, inspiration, conversation or outcome into a network's feed, for a member organisation.")
            .Argument<NonNullGraphType<PostActivityInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var hub = Hub(ctx);
                var input = ctx.GetArgument<Dictionary<string, object?>>("input");
                return await Payload<Activity>.RunAsync(() =>
                {
                    var slug = Input.Slug(Get<string>(input, "networkSlug"), "networkSlug");
                    var organisationId = OrganisationIds.Parse(Get<string>(input, "organisationId"), "organisationId");
                    var post = new PostActivity(
                        (ActivityKind)input["kind"]!,
                        Get<string>(input, "title"),
                        Get<string>(input, "body"),
                        GetList<string>(input, "themes"),
                        GetList<string>(input, "labels"),
                        Get<Place>(input, "place"),
                        input.TryGetValue("visibility", out var v) && v is Visibility visibility ? visibility : Visibility.Network,
                        Get<string>(input, "clientRequestId"));
                    return hub.Grains.GetNetwork(slug).PostAsync(ActingFor(organisationId), post);
                });
            });
    }

    private static HubRequest Hub(IResolveFieldContext ctx) => ctx.RequestServices!.GetRequiredService<HubRequest>();

    /// <summary>
    /// The caller acting for <paramref name="organisationId"/>. Until sign-in exists the API takes the
    /// organisation named in the input at its word; grains already take the caller, so checks slot in here.
    /// </summary>
    private static Caller ActingFor(string organisationId) => Caller.ForOrganisation(organisationId);

    private static async Task<Payload<OrganisationProfile>> Membership(
        IResolveFieldContext ctx, Func<IOrganisationGrain, Caller, string, Task<OrganisationProfile>> change)
    {
        var hub = Hub(ctx);
        var input = ctx.GetArgument<Dictionary<string, object?>>("input");
        return await Payload<OrganisationProfile>.RunAsync(async () =>
        {
            var organisationId = OrganisationIds.Parse(Get<string>(input, "organisationId"), "organisationId");
            var slug = Input.Slug(Get<string>(input, "networkSlug"), "networkSlug");
            var changed = await change(hub.Grains.GetOrganisation(organisationId), ActingFor(organisationId), slug);
            hub.OrganisationCache.Set(changed);
            return changed;
        });
    }

    private static T? Get<T>(Dictionary<string, object?> input, string name)
        where T : class => input.TryGetValue(name, out var value) ? value as T : null;

    private static IReadOnlyList<T>? GetList<T>(Dictionary<string, object?> input, string name) =>
        input.TryGetValue(name, out var value) && value is IEnumerable<object?> items ? items.OfType<T>().ToArray() : null;
}
