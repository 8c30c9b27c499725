namespace OurSociety.Federation.Common;

/// <summary>
/// Who is asking. Every grain method that reads or changes something a caller may not be entitled to
/// takes the caller explicitly, so authorisation is decided where the state lives.
/// </summary>
/// <param name="Subject">A stable identifier of the person or service; <c>anonymous</c> when unknown.</param>
/// <param name="OrganisationId">The organisation the caller acts for, if any.</param>
[GenerateSerializer, Immutable, Alias("Caller")]
public sealed record Caller([property: Id(0)] string Subject, [property: Id(1)] string? OrganisationId)
{
    /// <summary>A caller nobody has vouched for: sees only what is public.</summary>
    public static Caller Anonymous { get; } = new("anonymous", null);

    /// <summary>A caller acting for <paramref name="organisationId"/>.</summary>
    public static Caller ForOrganisation(string organisationId) => new($"org:{organisationId}", organisationId);

    /// <summary>Whether this caller acts for <paramref name="organisationId"/>.</summary>
    public bool ActsFor(string organisationId) => string.Equals(OrganisationId, organisationId, StringComparison.Ordinal);
}
