using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using OurSociety.Federation.Access;
using OurSociety.Federation.Api.Access;
using OurSociety.Federation.Api.Tests.Access;

namespace OurSociety.Federation.Api.Tests.Operations;

public sealed class DashboardTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    [Theory]
    [InlineData("/dashboard/")]
    [InlineData("/dashboard/ClusterStats")]
    [InlineData("/dashboard/DashboardCounters")]
    public async Task The_dashboard_asks_a_caller_without_a_token_to_sign_in(string path)
    {
        using var response = await fixture.Hub.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_dashboard_refuses_a_token_the_hub_did_not_sign()
    {
        using var response = await GetAsync("/dashboard/", "not.a.token");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(HubRoles.None)]
    [InlineData(HubRoles.NationalViewer)]
    public async Task The_dashboard_is_forbidden_to_a_signed_in_caller_who_is_not_an_admin(HubRoles roles)
    {
        using var page = await GetAsync("/dashboard/", fixture.TokenFor("coordinator@example.org", roles));
        using var stats = await GetAsync("/dashboard/ClusterStats", fixture.TokenFor("coordinator@example.org", roles));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (page.StatusCode, stats.StatusCode));
        Assert.Empty(await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_admin_opens_the_dashboard_page()
    {
        using var response = await GetAsync("/dashboard/", fixture.TokenFor("admin@example.org", HubRoles.Admin));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("index.min.js", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_reads_the_clusters_statistics_from_the_dashboard()
    {
        using var response = await GetAsync("/dashboard/ClusterStats", fixture.TokenFor("admin@example.org", HubRoles.Admin));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Without_the_setting_there_is_no_dashboard_even_for_an_admin()
    {
        await using var hub = await ConfiguredHub.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", hub.Services.GetRequiredService<HubTokenIssuer>().Issue("admin@example.org", HubRoles.Admin));

        using var response = await hub.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await fixture.Hub.Http.SendAsync(request);
    }
}
