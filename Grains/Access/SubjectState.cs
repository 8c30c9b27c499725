namespace OurSociety.Federation.Access;

/// <summary>What a <see cref="SubjectGrain"/> persists: two short lists of keys.</summary>
[GenerateSerializer, Alias("SubjectState")]
public sealed class SubjectState
{
    [Id(0)]
    public List<string> Organisations { get; set; } = [];

    [Id(1)]
    public List<string> Networks { get; set; } = [];
}
