using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OurSociety.Federation.Access;
using OurSociety.Federation.Api.Access;
using OurSociety.Federation.Api.Hosting;

namespace OurSociety.Federation.Api.Tests.Access;

/// <summary>Each caller has its own budget: by subject when signed in, by address otherwise; over it, 429 with Retry-After.</summary>
public sealed class RateLimitTests(RateLimitedHubFixture fixture) : IClassFixture<RateLimitedHubFixture>
{
    private const string Query = "{ __typename }";

    private readonly ConfiguredHub _hub = fixture.Hub;

    // The only test here that calls anonymously: all anonymous calls from this machine share one address's budget.
    [Fact]
    public async Task An_anonymous_caller_over_its_budget_is_refused_while_a_signed_in_caller_keeps_its_own()
    {
        var allowed = new[] { await AnonymousAsync(), await AnonymousAsync() };
        var refused = await AnonymousAsync();
        var signedIn = await GraphQLCall.PostAsync(_hub.Http, Query, authorization: BearerFor(NewSubject()));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], allowed.Select(call => call.Status));
        AssertRefused(refused, retryAfterSeconds: 1800);
        Assert.Equal(HttpStatusCode.OK, signedIn.Status);
    }

    [Fact]
    public async Task A_signed_in_caller_over_its_budget_is_refused_with_the_wait_for_the_next_request()
    {
        var bearer = BearerFor(NewSubject());
        var calls = new List<GraphQLCall>();
        for (var i = 0; i < 4; i++)
        {
            calls.Add(await GraphQLCall.PostAsync(_hub.Http, Query, authorization: bearer));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], calls.Take(3).Select(call => call.Status));
        AssertRefused(calls[3], retryAfterSeconds: 1200);
    }

    [Fact]
    public async Task One_subjects_exhausted_budget_does_not_limit_another()
    {
        var exhausted = BearerFor(NewSubject());
        for (var i = 0; i < 3; i++)
        {
            await GraphQLCall.PostAsync(_hub.Http, Query, authorization: exhausted);
        }

        var refused = await GraphQLCall.PostAsync(_hub.Http, Query, authorization: exhausted);
        var other = await GraphQLCall.PostAsync(_hub.Http, Query, authorization: BearerFor(NewSubject()));

        Assert.Equal((HttpStatusCode.TooManyRequests, HttpStatusCode.OK), (refused.Status, other.Status));
    }

    [Theory]
    [InlineData("--Hub:RateLimits:AnonymousPermitLimit=0", "AnonymousPermitLimit")]
    [InlineData("--Hub:RateLimits:SignedInPermitLimit=0", "SignedInPermitLimit")]
    [InlineData("--Hub:RateLimits:Window=00:00:00", "Window")]
    public async Task A_bad_rate_limit_setting_stops_the_hub_at_start(string setting, string name)
    {
        await using var app = HubApp.Build([$"--Hub:Storage:DataDirectory={Hub.HubHost.NewDataDirectory()}", setting]);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(name, failure.Message, StringComparison.Ordinal);
    }

    private static string NewSubject() => $"caller-{Guid.NewGuid():N}@example.org";

    private static void AssertRefused(GraphQLCall call, int retryAfterSeconds)
    {
        Assert.Equal(
            (HttpStatusCode.TooManyRequests, "application/problem+json", AccessErrorCodes.RateLimited, 429),
            (call.Status, call.ContentType, call.Code, call.Body!["status"]!.GetValue<int>()));
        Assert.Equal(TimeSpan.FromSeconds(retryAfterSeconds), call.Headers.RetryAfter!.Delta);
    }

    private Task<GraphQLCall> AnonymousAsync() => GraphQLCall.PostAsync(_hub.Http, Query);

    private string BearerFor(string subject) => "Bearer " + _hub.Services.GetRequiredService<HubTokenIssuer>().Issue(subject, HubRoles.None);
}
