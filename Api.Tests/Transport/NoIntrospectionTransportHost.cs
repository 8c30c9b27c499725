namespace OurSociety.Federation.Api.Tests.Transport;

/// <summary>A host configured for production without introspection.</summary>
public sealed class NoIntrospectionTransportHost : TransportHost
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Hub:GraphQL:Introspection"] = "false",
    };
}
