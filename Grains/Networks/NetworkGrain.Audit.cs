using OurSociety.Federation.Access;
using OurSociety.Federation.Common;

namespace OurSociety.Federation.Networks;

/// <summary>The audit trail: entries written with the change they record, then handed to <see cref="INetworkAuditGrain"/>.</summary>
public sealed partial class NetworkGrain
{
    public async Task<Page<AuditEntry>?> GetAuditTrailAsync(Caller caller, long? before, int first)
    {
        Input.PageSize(first, 100, "first");
        if (_state.State.Profile is null || !IsInsider(caller))
        {
            return null;
        }

        // Entries still waiting in the outbox go first, so a reader always sees every recorded action.
        if (!await HandOffAuditAsync())
        {
            throw new HubException(ErrorCodes.Unavailable, "The audit trail cannot be read just now; try again shortly.");
        }

        return await GrainFactory.GetNetworkAudit(Slug).GetPageAsync(before, first);
    }

    private void Record(Caller caller, AuditAction action, string? organisationId = null, string? subject = null, string? detail = null) =>
        _state.State.AuditOutbox.Add(new AuditEntry(_state.State.NextAuditSeq++, _time.GetUtcNow(), caller.Subject, action, organisationId, subject, detail));

    private async Task SaveAsync()
    {
        await _state.WriteOrDeactivateAsync(DeactivateOnIdle);
        await HandOffAuditAsync();
    }

    /// <summary>Hands the outbox to the audit trail; on failure the entries stay (they are durable here) and go with the next write.</summary>
    private async Task<bool> HandOffAuditAsync()
    {
        var outbox = _state.State.AuditOutbox;
        if (outbox.Count == 0)
        {
            return true;
        }

        var entries = outbox.ToArray();
        try
        {
            await GrainFactory.GetNetworkAudit(Slug).AppendAsync(entries);
            outbox.RemoveAll(e => e.Seq <= entries[^1].Seq);
            return true;
        }
        catch (Exception e) when (e is not HubException)
        {
            HubLog.AuditHandOffFailed(_logger, e, this.GetPrimaryKeyString(), entries.Length);
            return false;
        }
    }
}
