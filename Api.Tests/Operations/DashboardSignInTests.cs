using System.Net;
using System.Net.Http.Json;
using OurSociety.Federation.Access;
using OurSociety.Federation.Api.Hosting;

namespace OurSociety.Federation.Api.Tests.Operations;

public sealed class DashboardSignInTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task Signing_in_keeps_the_token_in_a_cookie_for_the_dashboard_only()
    {
        using var response = await SignInAsync("Bearer " + fixture.TokenFor("admin@example.org", HubRoles.Admin));

        Assert.Equal((HttpStatusCode.Redirect, "/dashboard/"), (response.StatusCode, response.Headers.Location?.OriginalString));
        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        Assert.StartsWith("hub_dashboard_token=", cookie, StringComparison.Ordinal);
        Assert.Contains("path=/dashboard", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admins_cookie_opens_the_dashboard()
    {
        using var response = await GetWithCookieAsync("/dashboard/ClusterStats", fixture.TokenFor("admin@example.org", HubRoles.Admin));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_non_admins_cookie_is_forbidden_and_a_forged_one_is_refused()
    {
        using var member = await GetWithCookieAsync("/dashboard/", fixture.TokenFor("member@example.org", HubRoles.None));
        using var forged = await GetWithCookieAsync("/dashboard/", "forged");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized), (member.StatusCode, forged.StatusCode));
    }

    [Fact]
    public async Task A_sign_in_posted_from_another_site_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/dashboard/sign-in")
        {
            Content = new FormUrlEncodedContent([new("token", fixture.TokenFor("admin@example.org", HubRoles.Admin))]),
        };
        request.Headers.Add("Origin", "https://elsewhere.example");

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task The_dashboard_cookie_does_not_sign_anyone_in_to_GraphQL()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query = "mutation { createNetwork(input: { slug: \"cookie-net\", name: \"x\", region: \"North East\", coordinators: [\"a@example.org\"] }) { network { id } } }" }),
        };
        request.Headers.Add("Cookie", $"hub_dashboard_token={fixture.TokenFor("admin@example.org", HubRoles.Admin)}");

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_sign_in_page_is_a_form_anyone_may_see()
    {
        using var response = await Client.GetAsync("/dashboard/sign-in");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<form method=\"post\" action=\"/dashboard/sign-in\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>The hub's client, without following redirects or keeping cookies, so each test sends exactly what it says.</summary>
    private HttpClient Client { get; } = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = fixture.Hub.Http.BaseAddress };

    private async Task<HttpResponseMessage> SignInAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/dashboard/sign-in") { Content = new FormUrlEncodedContent([new("token", token)]) };
        request.Headers.Add("Origin", fixture.Hub.Http.BaseAddress!.GetLeftPart(UriPartial.Authority));
        return await Client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> GetWithCookieAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", $"{HubDashboardSignIn.CookieName}={token}");
        return await Client.SendAsync(request);
    }
}
