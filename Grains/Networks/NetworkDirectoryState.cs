namespace OurSociety.Federation.Networks;

[GenerateSerializer, Alias("NetworkDirectoryState")]
public sealed class NetworkDirectoryState
{
    [Id(0)]
    public List<NetworkListing> Networks { get; set; } = [];
}
