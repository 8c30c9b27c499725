using System.Net;
using System.Text.RegularExpressions;
using OurSociety.Federation.Api.Dashboard;
using OurSociety.Federation.Api.Tests.Hub;

namespace OurSociety.Federation.Api.Tests.National;

/// <summary>The dashboard at /national is served by the hub itself: a page and its files, nothing from another site.</summary>
[Collection(DashboardHubCollection.Name)]
public sealed partial class NationalDashboardTests(DashboardHubFixture fixture)
{
    private readonly HubHost _hub = fixture.Hub;

    [Fact]
    public async Task The_page_is_html_from_this_hub_with_a_strict_content_security_policy_and_no_address_of_another_site()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/national");
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await _hub.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(NationalDashboard.ContentSecurityPolicy, string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));

        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("{{", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("(?i)https?:|//[a-z0-9]|cdn", html);
        var addresses = Addresses().Matches(html).Select(m => m.Groups["url"].Value).ToArray();
        Assert.NotEmpty(addresses);
        Assert.All(addresses, a => Assert.True(a.StartsWith("/national/", StringComparison.Ordinal) || a.StartsWith('#') || a == "data:,", a));
        Assert.Contains("/national/assets/dashboard.js", addresses);
        Assert.Contains("/national/assets/dashboard.css", addresses);
        Assert.Contains("/national/assets/" + DashboardAssets.ChartFile, addresses);
        Assert.Contains("data-endpoint=\"/graphql\"", html, StringComparison.Ordinal);
        Assert.Contains("data-charts=\"true\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dashboard.js", "text/javascript; charset=utf-8")]
    [InlineData("dashboard.css", "text/css; charset=utf-8")]
    [InlineData(DashboardAssets.ChartFile, "text/javascript; charset=utf-8")]
    public async Task Each_file_the_page_loads_is_served_with_its_type_and_an_entity_tag(string file, string contentType)
    {
        using var response = await _hub.Http.GetAsync("/national/assets/" + file);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.ToString());
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/national/assets/" + file);
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var notModified = await _hub.Http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task The_page_script_reaches_only_this_hubs_graphql_endpoint_and_an_unknown_file_is_404()
    {
        var script = await _hub.Http.GetStringAsync("/national/assets/dashboard.js");
        Assert.Contains("national(from: $from, to: $to)", script, StringComparison.Ordinal);
        Assert.Equal(["http://www.w3.org/2000/svg"], Urls().Matches(script).Select(m => m.Value).Distinct());

        Assert.Equal(HttpStatusCode.NotFound, (await _hub.Http.GetAsync("/national/assets/index.html")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _hub.Http.GetAsync("/national/assets/nothing.js")).StatusCode);
    }

    [Fact]
    public void Without_the_built_files_the_page_says_where_the_open_data_is_and_draws_no_charts()
    {
        var assets = new DashboardAssets(typeof(NationalDashboardTests).Assembly);
        Assert.False(assets.HasCharts);
        Assert.Contains("/national/activity.csv", assets.PageTemplate, StringComparison.Ordinal);
        Assert.Null(assets.Find("dashboard.js"));
    }

    [GeneratedRegex("(?:src|href)=\"(?<url>[^\"]*)\"")]
    private static partial Regex Addresses();

    [GeneratedRegex("https?://[^'\"\\s]+")]
    private static partial Regex Urls();
}
