namespace OurSociety.Federation.National;

/// <summary>
/// Where an organisation's first counted activity is (key <c>newcomer:{organisationId}</c>): the first network's
/// statistics to claim it, with the feed position, keep it for good. A newcomer is counted in that network, in the week
/// of that activity, and never again; counting the same batch again after a crash claims the same record.
/// </summary>
[Alias("INationalNewcomerGrain")]
public interface INationalNewcomerGrain : IGrainWithStringKey
{
    /// <summary>Records <paramref name="candidate"/> if nothing is held yet; returns what is held, once durable.</summary>
    [Alias("ClaimAsync")]
    Task<FirstActivity> ClaimAsync(FirstActivity candidate);
}

/// <summary>An organisation's first activity counted in national statistics: its network and feed position.</summary>
[GenerateSerializer, Immutable, Alias("FirstActivity")]
public sealed record FirstActivity([property: Id(0)] string Network, [property: Id(1)] long Seq);

/// <summary>What an <see cref="NationalNewcomerGrain"/> persists.</summary>
[GenerateSerializer, Alias("NationalNewcomer")]
public sealed class NationalNewcomer
{
    [Id(0)]
    public FirstActivity? First { get; set; }
}
