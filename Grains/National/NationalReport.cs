namespace OurSociety.Federation.National;

/// <summary>A national answer, suppression applied: the cells, the week totals, the introductions funnel, and what was counted.</summary>
/// <param name="Weeks">The ISO weeks covered, oldest first.</param>
/// <param name="Totals">Each week's total (all activity counted in it), suppressed like any cell.</param>
/// <param name="Newcomers">Each week's newcomer organisations (first counted activity anywhere in the hub that week), suppressed as a total.</param>
/// <param name="MembersJoined">Each week's organisations joining a network, suppressed as a total.</param>
[GenerateSerializer, Immutable, Alias("NationalReport")]
public sealed record NationalReport(
    [property: Id(0)] NationalScope Scope,
    [property: Id(1)] int SuppressionThreshold,
    [property: Id(2)] IReadOnlyList<string> Weeks,
    [property: Id(3)] IReadOnlyList<NationalCell> Cells,
    [property: Id(4)] IReadOnlyList<NationalCell> Totals,
    [property: Id(5)] NationalFunnel Introductions,
    [property: Id(6)] IReadOnlyList<NationalCell> Newcomers,
    [property: Id(7)] IReadOnlyList<NationalCell> MembersJoined);
