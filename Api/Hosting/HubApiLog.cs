namespace OurSociety.Federation.Api.Hosting;

/// <summary>Source-generated log messages of the API's hosting (event ids 1600–1699).</summary>
internal static partial class HubApiLog
{
    [LoggerMessage(1600, LogLevel.Warning, "Field {Field} answered UNAVAILABLE: storage or the cluster could not be reached")]
    public static partial void DependencyUnavailable(ILogger logger, string field, Exception exception);
}
