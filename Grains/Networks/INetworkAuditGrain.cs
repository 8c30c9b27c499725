using OurSociety.Federation.Common;

namespace OurSociety.Federation.Networks;

/// <summary>
/// A network's audit trail (key: <c>net:{slug}</c>), append-only. The network grain records each entry in its own
/// state with the action it describes (one write, so an action is never without its entry), then hands it on here.
/// </summary>
[Alias("INetworkAuditGrain")]
public interface INetworkAuditGrain : IGrainWithStringKey
{
    /// <summary>Appends entries; entries at or below the last position already held are ignored, so a resend is harmless.</summary>
    [Alias("AppendAsync")]
    Task AppendAsync(IReadOnlyList<AuditEntry> entries);

    /// <summary>Entries newest first, before position <paramref name="before"/> (exclusive; null from the newest).</summary>
    [Alias("GetPageAsync")]
    Task<Page<AuditEntry>> GetPageAsync(long? before, int first);
}
