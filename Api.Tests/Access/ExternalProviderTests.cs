using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OurSociety.Federation.Access;
using OurSociety.Federation.Api.Access;
using OurSociety.Federation.Api.Tests.Hub;

namespace OurSociety.Federation.Api.Tests.Access;

/// <summary>With <c>Hub:Auth:Authority</c> set, the provider's tokens are the only ones accepted, its role names mapped to the hub's.</summary>
public sealed class ExternalProviderTests(ExternalProviderFixture fixture) : IClassFixture<ExternalProviderFixture>
{
    private const string Audience = "oursociety-federation-api";

    private readonly FakeOpenIdProvider _provider = fixture.Provider;
    private readonly ConfiguredHub _hub = fixture.Hub;

    [Fact]
    public async Task A_provider_token_is_accepted_with_its_subject_and_roles_mapped()
    {
        var bearer = "Bearer " + _provider.Issue(Audience, new Dictionary<string, object>
        {
            ["sub"] = "f3c9a2",
            ["email"] = "amara@example.org",
            ["groups"] = new List<string> { "hub-admins", "national-analysts", "gardeners" },
        });

        var call = await GraphQLCall.PostAsync(_hub.Http, "{ __typename }", authorization: bearer);

        Assert.Equal(HttpStatusCode.OK, call.Status);
        Assert.Equal(new HubIdentity("amara@example.org", HubRoles.Admin | HubRoles.NationalViewer), await _hub.IdentityOfAsync(bearer));
    }

    [Fact]
    public async Task A_provider_token_without_the_hubs_role_names_gives_no_hub_wide_roles()
    {
        var bearer = "Bearer " + _provider.Issue(Audience, new Dictionary<string, object>
        {
            ["email"] = "kofi@example.org",
            ["groups"] = new List<string> { "admin", "national" },
        });

        Assert.Equal(new HubIdentity("kofi@example.org", HubRoles.None), await _hub.IdentityOfAsync(bearer));
    }

    [Fact]
    public async Task A_token_signed_by_an_embedded_hub_key_is_refused()
    {
        var settings = new HubAuthOptions { Issuer = _provider.Issuer, SubjectClaim = "email", RoleClaim = "groups", AdminRole = "hub-admins" };
        var key = new HubSigningKey(Path.Combine(HubHost.NewDataDirectory(), "hub-signing-key.pem"));
        var token = new HubTokenIssuer(key, Options.Create(settings), TimeProvider.System).Issue("amara@example.org", HubRoles.Admin);

        var call = await GraphQLCall.PostAsync(_hub.Http, "{ __typename }", authorization: "Bearer " + token);

        Assert.Equal(
            (HttpStatusCode.Unauthorized, "UNAUTHENTICATED", "The bearer token's signature is not valid."),
            (call.Status, call.Code, call.Message));
    }

    [Fact]
    public async Task A_provider_token_for_another_audience_is_refused()
    {
        var token = _provider.Issue("someone-elses-api", new Dictionary<string, object> { ["email"] = "amara@example.org" });

        var call = await GraphQLCall.PostAsync(_hub.Http, "{ __typename }", authorization: "Bearer " + token);

        Assert.Equal(
            (HttpStatusCode.Unauthorized, "The bearer token is for another audience."),
            (call.Status, call.Message));
    }

    [Fact]
    public void The_hub_issues_no_tokens_of_its_own() =>
        Assert.Null(_hub.Services.GetService<HubTokenIssuer>());
}
