using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQL;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OurSociety.Federation.Access;
using OurSociety.Federation.Api.Access;
using OurSociety.Federation.Api.Hosting;
using OurSociety.Federation.Api.Tests.Hub;
using OurSociety.Federation.Api.Transport;

namespace OurSociety.Federation.Api.Tests.Access;

/// <summary>The embedded issuer's tokens are accepted; any token that does not check out is a 401 before anything runs.</summary>
public sealed class BearerTokenTests(SqliteHubFixture fixture) : IClassFixture<SqliteHubFixture>
{
    private const string CreateNetwork = """
        mutation($slug: String!) { createNetwork(input: { slug: $slug, name: "Signed networks", region: "North East", charter: "Who may create." }) {
          network { slug } errors { code } } }
        """;

    private const string Network = "query($slug: String!) { network(slug: $slug) { slug } }";

    private static readonly string[] _unauthenticated = ["UNAUTHENTICATED"];

    private readonly HubHost _hub = fixture.Hub;

    private HubTokenIssuer Issuer => _hub.Services.GetRequiredService<HubTokenIssuer>();

    private HubAuthOptions Settings => _hub.Services.GetRequiredService<IOptions<HubAuthOptions>>().Value;

    public static TheoryData<string, string> BadHeaders => new()
    {
        { "Basic YWRtaW46YWRtaW4=", "The Authorization header must be 'Bearer <token>'." },
        { "Bearer ", "The Authorization header must be 'Bearer <token>'." },
        { "Bearer not-a-token", "The bearer token could not be read." },
        { "Bearer eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0", "The bearer token could not be read." },
    };

    [Theory]
    [MemberData(nameof(BadHeaders))]
    public async Task A_malformed_authorization_header_is_refused_before_anything_runs(string authorization, string message) =>
        await AssertRefusedAsync(authorization, message);

    [Fact]
    public async Task An_expired_token_is_refused_before_anything_runs()
    {
        var thirteenHoursAgo = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-13));
        var token = new HubTokenIssuer(_hub.Services.GetRequiredService<HubSigningKey>(), Options.Create(Settings), thirteenHoursAgo)
            .Issue("amara@example.org", HubRoles.Admin);

        await AssertRefusedAsync("Bearer " + token, "The bearer token has expired.");
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused_before_anything_runs()
    {
        var otherKey = new HubSigningKey(Path.Combine(HubHost.NewDataDirectory(), "other-key.pem"));
        var token = new HubTokenIssuer(otherKey, Options.Create(Settings), TimeProvider.System).Issue("amara@example.org", HubRoles.Admin);

        await AssertRefusedAsync("Bearer " + token, "The bearer token's signature is not valid.");
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_refused_before_anything_runs()
    {
        var token = IssuerWith(settings => settings.Issuer = "someone-else").Issue("amara@example.org", HubRoles.Admin);

        await AssertRefusedAsync("Bearer " + token, "The bearer token was issued by another issuer.");
    }

    [Fact]
    public async Task A_token_for_another_audience_is_refused_before_anything_runs()
    {
        var token = IssuerWith(settings => settings.Audience = "another-api").Issue("amara@example.org", HubRoles.Admin);

        await AssertRefusedAsync("Bearer " + token, "The bearer token is for another audience.");
    }

    [Fact]
    public async Task A_token_without_a_subject_is_refused_before_anything_runs()
    {
        var now = DateTime.UtcNow;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Settings.Issuer,
            Audience = Settings.Audience,
            NotBefore = now,
            Expires = now.AddHours(1),
            Claims = new Dictionary<string, object> { ["roles"] = "admin" },
            SigningCredentials = new SigningCredentials(_hub.Services.GetRequiredService<HubSigningKey>().Current, SecurityAlgorithms.EcdsaSha256),
        });

        await AssertRefusedAsync("Bearer " + token, "The bearer token has no subject.");
    }

    [Fact]
    public async Task A_token_without_an_expiry_is_refused_before_anything_runs()
    {
        var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Settings.Issuer,
            Audience = Settings.Audience,
            Claims = new Dictionary<string, object> { ["sub"] = "amara@example.org" },
            SigningCredentials = new SigningCredentials(_hub.Services.GetRequiredService<HubSigningKey>().Current, SecurityAlgorithms.EcdsaSha256),
        });

        await AssertRefusedAsync("Bearer " + token, "The bearer token has no expiry time.");
    }

    [Fact]
    public async Task A_refusal_is_written_in_the_media_type_the_client_accepts()
    {
        var call = await GraphQLCall.PostAsync(_hub.Http, "{ __typename }", authorization: "Bearer not-a-token", accept: GraphQLCall.Json);

        Assert.Equal(
            (HttpStatusCode.Unauthorized, GraphQLCall.Json, "UNAUTHENTICATED", "The bearer token could not be read."),
            (call.Status, call.ContentType, call.Code, call.Message));
        Assert.Null(call.Body!["data"]);
    }

    [Fact]
    public async Task A_valid_token_is_accepted_for_a_public_read()
    {
        var slug = "signed-" + Guid.NewGuid().ToString("N")[..12];
        var call = await GraphQLCall.PostAsync(_hub.Http, Network, new { slug }, "Bearer " + Issuer.Issue("amara@example.org", HubRoles.None));

        Assert.Equal(HttpStatusCode.OK, call.Status);
        Assert.Equal("{\"data\":{\"network\":null}}", call.Body!.ToJsonString());
        Assert.Empty(call.WwwAuthenticate);
    }

    [Fact]
    public async Task A_valid_token_gives_the_caller_its_subject_and_hub_wide_roles()
    {
        var token = Issuer.Issue("amara@example.org", HubRoles.Admin | HubRoles.NationalViewer);

        var user = await AuthenticateAsync("Bearer " + token);

        Assert.Equal(new HubIdentity("amara@example.org", HubRoles.Admin | HubRoles.NationalViewer), HubIdentity.From(user));
    }

    [Fact]
    public async Task A_token_with_no_roles_gives_a_signed_in_caller_without_hub_wide_roles()
    {
        var user = await AuthenticateAsync("Bearer " + Issuer.Issue("kofi@example.org", HubRoles.None));

        Assert.Equal(new HubIdentity("kofi@example.org", HubRoles.None), HubIdentity.From(user));
    }

    [Fact]
    public void A_caller_without_a_token_has_no_hub_identity() =>
        Assert.Null(HubIdentity.From(new ClaimsPrincipal(new ClaimsIdentity())));

    [Fact]
    public void The_signing_key_file_is_readable_by_its_owner_only()
    {
        var key = _hub.Services.GetRequiredService<HubSigningKey>();
        _ = key.Current;

        Assert.Equal("hub-signing-key.pem", Path.GetFileName(key.Path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key.Path));
        }

        using var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(File.ReadAllText(key.Path));
        Assert.Equal(256, ecdsa.KeySize);
    }

    [Fact]
    public void An_executed_result_that_needs_a_signed_in_caller_is_answered_with_401()
    {
        var context = new DefaultHttpContext();
        var result = new ExecutionResult { Executed = true, Errors = [new ExecutionError("Sign in to create a network.") { Code = "UNAUTHENTICATED" }] };

        var status = Policy.StatusCodeFor(context, result, StatusCodes.Status200OK);

        Assert.Equal((StatusCodes.Status401Unauthorized, "Bearer"), (status, context.Response.Headers.WWWAuthenticate.ToString()));
    }

    [Fact]
    public void An_executed_result_with_other_errors_keeps_its_status()
    {
        var context = new DefaultHttpContext();
        var result = new ExecutionResult { Executed = true, Errors = [new ExecutionError("No such network.") { Code = "NETWORK_NOT_FOUND" }] };

        var status = Policy.StatusCodeFor(context, result, StatusCodes.Status200OK);

        Assert.Equal((StatusCodes.Status200OK, ""), (status, context.Response.Headers.WWWAuthenticate.ToString()));
    }

    [Theory]
    [InlineData("--Hub:Auth:Authority=not-a-url", "Hub:Auth:Authority must be the absolute URL")]
    [InlineData("--Hub:Auth:Authority=http://id.example.org", "Hub:Auth:Authority must use https")]
    [InlineData("--Hub:Auth:TokenLifetime=00:00:10", "TokenLifetime")]
    [InlineData("--Hub:Auth:NationalViewerRole=admin", "Hub:Auth:AdminRole and Hub:Auth:NationalViewerRole must differ.")]
    public void A_bad_auth_setting_stops_the_hub_before_it_starts(string setting, string message)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => HubApp.Build([setting]));

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    private BearerTokenPolicy Policy => _hub.Services.GetServices<IGraphQLHttpCallerPolicy>().OfType<BearerTokenPolicy>().Single();

    private HubTokenIssuer IssuerWith(Action<HubAuthOptions> change)
    {
        var settings = new HubAuthOptions();
        change(settings);
        return new HubTokenIssuer(_hub.Services.GetRequiredService<HubSigningKey>(), Options.Create(settings), TimeProvider.System);
    }

    /// <summary>What the hub's authentication makes of an <c>Authorization</c> header, without a request over the wire.</summary>
    private async Task<ClaimsPrincipal> AuthenticateAsync(string authorization)
    {
        await using var scope = _hub.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Headers.Authorization = authorization;

        var result = await context.AuthenticateAsync();

        Assert.True(result.Succeeded, result.Failure?.Message);
        return result.Principal!;
    }

    /// <summary>A bad token on a mutation: 401 with the specific reason, in GraphQL's error shape, and nothing created.</summary>
    private async Task AssertRefusedAsync(string authorization, string message)
    {
        var slug = "refused-" + Guid.NewGuid().ToString("N")[..12];

        var call = await GraphQLCall.PostAsync(_hub.Http, CreateNetwork, new { slug }, authorization);

        Assert.Equal(
            (HttpStatusCode.Unauthorized, GraphQLCall.GraphQLResponse, "UNAUTHENTICATED", message),
            (call.Status, call.ContentType, call.Code, call.Message));
        Assert.Equal($"Bearer error=\"invalid_token\", error_description=\"{message}\"", call.WwwAuthenticate);

        // Exactly one error and nothing else: no data, no exception text, no echo of the token.
        var expected = JsonSerializer.SerializeToNode(new
        {
            errors = new[] { new { message, extensions = new { code = "UNAUTHENTICATED", codes = _unauthenticated } } },
        });
        Assert.True(JsonNode.DeepEquals(expected, call.Body), call.Body!.ToJsonString());

        var after = await _hub.GraphQLAsync(Network, new { slug });
        Assert.Null(after["data"]!["network"]);
    }
}
