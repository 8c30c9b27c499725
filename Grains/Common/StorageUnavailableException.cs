using System.Net.Sockets;
using Npgsql;

namespace OurSociety.Federation.Common;

/// <summary>
/// The grain's storage could not be reached (PostgreSQL down, restarting or out of connections). Thrown in place of
/// the driver's own exception, which Orleans cannot carry between processes, so an API in another process still
/// sees what happened and answers <c>UNAVAILABLE</c>. Nothing the call meant to write was acknowledged.
/// </summary>
[GenerateSerializer, Alias("StorageUnavailableException")]
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// PostgreSQL unreachable, shutting down or starting up, anywhere in the chain of inner exceptions. A
    /// <see cref="PostgresException"/> that crossed from another process has lost its SQLSTATE and counts too.
    /// </summary>
    public static bool IsStorageUnreachable(Exception? exception)
    {
        for (var depth = 0; exception is not null && depth < 16; depth++)
        {
            if (exception is StorageUnavailableException
                || exception is PostgresException { SqlState: null }
                || (exception is NpgsqlException npgsql
                    && (npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException)))
            {
                return true;
            }

            exception = exception is AggregateException { InnerExceptions: [var first, ..] } ? first : exception.InnerException;
        }

        return false;
    }
}
