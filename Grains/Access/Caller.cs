using OurSociety.Federation.Common;

namespace OurSociety.Federation.Access;

/// <summary>
/// Who is asking. Every grain method that reads or changes something a caller may not be entitled to takes the
/// caller explicitly, so the grain that holds the state decides.
/// </summary>
/// <param name="Subject">The stable identity the token issuer gives the person or service; empty when anonymous.</param>
/// <param name="Roles">Hub-wide roles from the token.</param>
/// <param name="Organisations">
/// The organisations the subject is a member of, from the hub's own records (<see cref="ISubjectGrain"/>), never from
/// the request. Network grains use it to tell a member's reader from the public; organisation grains check their own list.
/// </param>
[GenerateSerializer, Immutable, Alias("Caller")]
public sealed record Caller(
    [property: Id(0)] string Subject,
    [property: Id(1)] HubRoles Roles,
    [property: Id(2)] IReadOnlyList<string> Organisations)
{
    /// <summary>The networks the subject coordinates, from the same index; each network still checks its own list.</summary>
    [Id(3)]
    public IReadOnlyList<string> Networks { get; init; } = [];

    /// <summary>A caller nobody has vouched for: sees only what is public and changes nothing.</summary>
    public static Caller Anonymous { get; } = new(string.Empty, HubRoles.None, []);

    /// <summary>Whether nobody has vouched for this caller.</summary>
    public bool IsAnonymous => Subject.Length == 0;

    /// <summary>Whether the caller has the hub-wide <paramref name="role"/>.</summary>
    public bool Has(HubRoles role) => (Roles & role) == role;

    /// <summary>Whether the caller is a member of <paramref name="organisationId"/>, by the hub's records.</summary>
    public bool ActsFor(string organisationId) => Organisations.Contains(organisationId, StringComparer.Ordinal);

    /// <summary>Fails with <c>UNAUTHENTICATED</c> unless someone has vouched for the caller.</summary>
    public Caller RequireSignedIn(string action) => IsAnonymous
        ? throw new HubException(ErrorCodes.Unauthenticated, $"Sign in to {action}: send a bearer token in the Authorization header.")
        : this;

    /// <summary>Fails (<c>UNAUTHENTICATED</c> or <c>FORBIDDEN</c>) unless the caller has <paramref name="role"/>.</summary>
    public void Require(HubRoles role, string action)
    {
        RequireSignedIn(action);
        if (!Has(role))
        {
            throw Forbidden($"Only a hub {(role == HubRoles.Admin ? "admin" : "national viewer")} may {action}.");
        }
    }

    /// <summary>The refusal for a signed-in caller out of scope (for the anonymous, <c>UNAUTHENTICATED</c>).</summary>
    public HubException Forbidden(string message) => IsAnonymous
        ? new HubException(ErrorCodes.Unauthenticated, "Sign in first: send a bearer token in the Authorization header.")
        : new HubException(ErrorCodes.Forbidden, message);
}
