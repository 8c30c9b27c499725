namespace OurSociety.Federation.Access;

/// <summary>The organisations a subject is a member of and the networks it coordinates.</summary>
[GenerateSerializer, Immutable, Alias("SubjectScopes")]
public sealed record SubjectScopes(
    [property: Id(0)] IReadOnlyList<string> Organisations,
    [property: Id(1)] IReadOnlyList<string> Networks)
{
    public static SubjectScopes None { get; } = new([], []);
}
