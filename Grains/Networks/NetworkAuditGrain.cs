using OurSociety.Federation.Common;
using OurSociety.Federation.Storage;

namespace OurSociety.Federation.Networks;

/// <inheritdoc cref="INetworkAuditGrain"/>
/// <remarks>
/// Coordinator actions are rare (a busy network makes a few a day), so one list per network is enough; entries
/// are about 150 bytes, so ten years of a busy network stay well under a megabyte.
/// </remarks>
public sealed class NetworkAuditGrain(
    [PersistentState("networkaudit", HubStorage.Name)] IPersistentState<NetworkAuditState> state) : Grain, INetworkAuditGrain
{
    public async Task AppendAsync(IReadOnlyList<AuditEntry> entries)
    {
        var trail = state.State.Entries;
        var next = trail.Count == 0 ? 0 : trail[^1].Seq + 1;
        var fresh = entries.Where(e => e.Seq >= next).OrderBy(e => e.Seq).ToArray();
        if (fresh.Length == 0)
        {
            return;
        }

        trail.AddRange(fresh);
        await state.WriteOrDeactivateAsync(DeactivateOnIdle);
    }

    [ReadOnly]
    public Task<Page<AuditEntry>> GetPageAsync(long? before, int first)
    {
        Input.PageSize(first, 100, "first");
        var trail = state.State.Entries;

        // Positions are dense from 0, so the entry at position p is at index p.
        var end = before is { } b ? (int)Math.Clamp(b, 0, trail.Count) : trail.Count;
        var start = Math.Max(0, end - first);
        var items = trail.GetRange(start, end - start);
        items.Reverse();
        return Task.FromResult(new Page<AuditEntry>(items, start > 0, trail.Count));
    }
}
