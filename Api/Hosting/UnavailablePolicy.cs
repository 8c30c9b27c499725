using GraphQL;
using OurSociety.Federation.Api.Transport;

namespace OurSociety.Federation.Api.Hosting;

/// <summary>
/// A result with an <see cref="Unavailability.Code"/> error is HTTP 503 with <c>Retry-After</c>, for both response
/// media types: a legacy <c>application/json</c> client also needs to know that nothing it can fix went wrong, and
/// that trying again later is right.
/// </summary>
internal sealed class UnavailablePolicy : IGraphQLHttpCallerPolicy
{
    public ValueTask<GraphQLHttpRefusal?> CheckAsync(HttpContext context) => ValueTask.FromResult<GraphQLHttpRefusal?>(null);

    public int StatusCodeFor(HttpContext context, ExecutionResult result, int statusCode)
    {
        if (result.Errors?.Any(error => error.Code == Unavailability.Code) != true)
        {
            return statusCode;
        }

        context.Response.Headers.RetryAfter = Unavailability.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return StatusCodes.Status503ServiceUnavailable;
    }
}
