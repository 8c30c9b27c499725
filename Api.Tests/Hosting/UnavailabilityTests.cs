using System.Net.Sockets;
using Npgsql;
using OurSociety.Federation.Api.Hosting;
using OurSociety.Federation.Common;

namespace OurSociety.Federation.Api.Tests.Hosting;

/// <summary>Which failures the API answers with UNAVAILABLE (503, Retry-After) and which stay errors of their own.</summary>
public sealed class UnavailabilityTests
{
    public static TheoryData<string, Exception, bool> Failures => new()
    {
        { "a silo that is gone", new SiloUnavailableException("gone"), true },
        { "no answer in time", new TimeoutException("Response did not arrive on time"), true },
        { "storage unreachable in a silo", new StorageUnavailableException("Storage did not answer"), true },
        { "PostgreSQL refusing connections", new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)), true },
        { "a write that lost an ETag race to another activation", new Orleans.Storage.InconsistentStateException("ETag mismatch", "3", "4"), true },
        { "wrapped in a grain activation failure", new InvalidOperationException("activation failed", new StorageUnavailableException("x")), true },
        { "a domain refusal", new HubException(ErrorCodes.NotAMember, "Not a member."), false },
        { "a bug", new InvalidOperationException("Sequence contains no elements"), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Only_failures_to_reach_storage_or_the_cluster_are_unavailable(string what, Exception failure, bool unavailable)
    {
        Assert.True(Unavailability.Is(failure) == unavailable, $"{what}: expected {(unavailable ? "UNAVAILABLE" : "not UNAVAILABLE")}");
    }
}
