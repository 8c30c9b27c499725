using Microsoft.Extensions.Options;
using OurSociety.Federation.Api.Hosting;
using OurSociety.Federation.Api.Tests.Hub;

namespace OurSociety.Federation.Api.Tests.National;

public sealed class NationalOptionsTests
{
    [Theory]
    [InlineData("2")]
    [InlineData("0")]
    public async Task A_suppression_threshold_below_three_stops_the_hub_at_start_saying_why(string threshold)
    {
        await using var app = HubApp.Build([
            "--Urls=http://127.0.0.1:0", "--Hub:Storage:Provider=Sqlite", $"--Hub:Storage:DataDirectory={HubHost.NewDataDirectory()}",
            $"--Hub:National:SuppressionThreshold={threshold}"]);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains($"Hub:National:SuppressionThreshold must be at least 3 (it is {threshold})", failure.Message, StringComparison.Ordinal);
    }
}
