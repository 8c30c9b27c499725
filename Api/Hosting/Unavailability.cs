using System.Net.Sockets;
using Orleans.Runtime.Messaging;
using Orleans.Serialization;
using Orleans.Storage;
using OurSociety.Federation.Common;

namespace OurSociety.Federation.Api.Hosting;

/// <summary>
/// Failures that say "a dependency is not there right now", not "this request is wrong": PostgreSQL down or
/// restarting, no gateway, a silo lost mid-call, a call that got no answer in time, a write that lost a race with
/// another activation of its grain. They become one coded GraphQL error, <c>UNAVAILABLE</c>, and HTTP 503 with
/// <c>Retry-After</c>; a client retries the same request (with the same <c>clientRequestId</c>, so a write that did
/// land is not made twice) and the hub serves it once the dependency is back.
/// </summary>
public static class Unavailability
{
    /// <summary>The error code.</summary>
    public const string Code = "UNAVAILABLE";

    /// <summary>Seconds a client is told to wait before retrying: about one membership probe round.</summary>
    public const int RetryAfterSeconds = 2;

    /// <summary>The message clients see; the exception itself stays in the log.</summary>
    public const string Message = "The hub cannot reach its storage or its cluster right now. Retry the same request shortly (see Retry-After).";

    /// <summary>Whether <paramref name="exception"/>, or anything it wraps, is a failure to reach a dependency.</summary>
    public static bool Is(Exception? exception)
    {
        for (var depth = 0; exception is not null && depth < 16; depth++)
        {
            switch (exception)
            {
                // A silo or gateway that is gone, shutting down or overloaded (SiloUnavailableException is one of these).
                case OrleansMessageRejectionException or GatewayTooBusyException or ClientNotAvailableException:
                case ConnectionFailedException or Orleans.Networking.Shared.SocketConnectionException:
                case Orleans.Runtime.MembershipService.OrleansClusterConnectivityCheckFailedException:

                // A grain call with no answer in time: its outcome is unknown, so the client retries with its request id.
                case TimeoutException:
                case SocketException:
                    return true;

                // A write that lost an ETag race (two activations of one grain while membership settles after a silo is
                // lost): nothing of it was acknowledged, the activation reloads, and the retry reaches the one that won.
                case InconsistentStateException:
                    return true;

                // PostgreSQL not reachable, shutting down or starting up, here or in a silo.
                case Exception when StorageUnavailableException.IsStorageUnreachable(exception):
                    return true;

                // An exception from a silo whose type this process cannot rebuild arrives as a fallback naming it.
                case UnavailableExceptionFallbackException fallback when IsDependencyType(fallback.ExceptionType):
                    return true;

                case AggregateException aggregate:
                    return aggregate.InnerExceptions.Any(Is);
            }

            exception = exception.InnerException;
        }

        return false;
    }

    private static bool IsDependencyType(string? typeName) =>
        typeName is not null
        && (typeName.StartsWith("Npgsql.", StringComparison.Ordinal)
            || typeName.Contains("SocketException", StringComparison.Ordinal)
            || typeName.Contains("TimeoutException", StringComparison.Ordinal));
}
