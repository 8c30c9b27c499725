using OurSociety.Federation.Common;

namespace OurSociety.Federation.Hosting;

/// <summary>
/// An incoming grain call filter: a call that failed because PostgreSQL could not be reached fails with
/// <see cref="StorageUnavailableException"/> instead, which every process of the cluster can deserialize.
/// </summary>
internal sealed class StorageFailureFilter : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception e) when (StorageUnavailableException.IsStorageUnreachable(e))
        {
            throw new StorageUnavailableException($"Storage did not answer: {e.GetBaseException().Message}");
        }
    }
}
