namespace OurSociety.Federation.Organisations;

/// <summary>What only the organisation's own people see besides its contact (which <see cref="IOrganisationGrain.GetContactAsync"/> gives).</summary>
/// <param name="People">The subjects who act for it.</param>
/// <param name="PendingNetworks">Networks it has asked to join that have not answered yet.</param>
[GenerateSerializer, Immutable, Alias("OrganisationPrivate")]
public sealed record OrganisationPrivate(
    [property: Id(0)] IReadOnlyList<string> People,
    [property: Id(1)] IReadOnlyList<string> PendingNetworks);
