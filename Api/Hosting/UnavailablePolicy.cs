using GraphQL;
using OurSociety.Federation.Api.Transport;
using OurSociety.Federation.Hosting;

namespace OurSociety.Federation.Api.Hosting;

/// <summary>
/// A result with an <see cref="Unavailability.Code"/> error is HTTP 503 with <c>Retry-After</c>, for both response
/// media types: a legacy <c>application/json</c> client also needs to know that nothing it can fix went wrong, and
/// that trying again later is right. Before an Orleans client first connects (an Api started ahead of its silos)
/// every request is refused the same way, since no grain can even be named yet.
/// </summary>
internal sealed class UnavailablePolicy(IServiceProvider services) : IGraphQLHttpCallerPolicy
{
    private readonly ClusterClientStatus? _client = services.GetService<ClusterClientStatus>();

    public ValueTask<GraphQLHttpRefusal?> CheckAsync(HttpContext context) =>
        ValueTask.FromResult(_client is { HasConnected: false }
            ? new GraphQLHttpRefusal(StatusCodes.Status503ServiceUnavailable, Unavailability.Code, Unavailability.Message)
            {
                Headers = new Dictionary<string, string> { ["Retry-After"] = RetryAfter },
            }
            : null);

    public int StatusCodeFor(HttpContext context, ExecutionResult result, int statusCode)
    {
        if (result.Errors?.Any(error => error.Code == Unavailability.Code) != true)
        {
            return statusCode;
        }

        context.Response.Headers.RetryAfter = RetryAfter;
        return StatusCodes.Status503ServiceUnavailable;
    }

    private static string RetryAfter => Unavailability.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
