using OurSociety.Federation.Common;

namespace OurSociety.Federation.Networks;

/// <summary>The hub's list of networks (one grain, key <c>directory</c>), for <c>networks(first, after, region)</c>.</summary>
[Alias("INetworkDirectoryGrain")]
public interface INetworkDirectoryGrain : IGrainWithStringKey
{
    /// <summary>Lists a newly created network; listing it again updates nothing.</summary>
    [Alias("AddAsync")]
    Task AddAsync(NetworkProfile network);

    /// <summary>Networks in creation order after position <paramref name="after"/>, optionally in one region.</summary>
    [Alias("GetPageAsync")]
    Task<Page<NetworkListing>> GetPageAsync(int? after, int first, string? region);
}
