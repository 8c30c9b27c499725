namespace OurSociety.Federation.Networks;

/// <summary>What a <see cref="NetworkAuditGrain"/> persists: the trail in order.</summary>
[GenerateSerializer, Alias("NetworkAuditState")]
public sealed class NetworkAuditState
{
    [Id(0)]
    public List<AuditEntry> Entries { get; set; } = [];
}
