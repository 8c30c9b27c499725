namespace OurSociety.Federation.Common;

/// <summary>
/// Remembers what a client request id produced (key: <c>req:{subject}:{client request id}</c>), for mutations
/// whose result gets a fresh id, so a retried request finds the first result instead of making a second one.
/// </summary>
[Alias("IRequestGrain")]
public interface IRequestGrain : IGrainWithStringKey
{
    /// <summary>Returns the id recorded for this request, recording <paramref name="proposedId"/> durably if there is none yet.</summary>
    [Alias("ClaimAsync")]
    Task<string> ClaimAsync(string proposedId);
}
