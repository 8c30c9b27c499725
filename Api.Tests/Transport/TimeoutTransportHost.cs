namespace OurSociety.Federation.Api.Tests.Transport;

/// <summary>A host whose execution timeout is short enough for a test to wait for.</summary>
public sealed class TimeoutTransportHost : TransportHost
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Hub:GraphQL:ExecutionTimeout"] = "00:00:00.200",
    };
}
