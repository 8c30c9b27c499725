using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace OurSociety.Federation.Api.Access;

/// <summary>Per-caller request budgets for the GraphQL endpoint (ASP.NET Core's rate limiter).</summary>
public static class HubRateLimitingExtensions
{
    /// <summary>The policy the GraphQL endpoint requires (<c>RequireRateLimiting(PolicyName)</c>).</summary>
    public const string PolicyName = "hub-callers";

    /// <summary>
    /// The rate limiter with <see cref="HubRateLimitOptions"/> (section <c>Hub:RateLimits</c>, validated at start) and
    /// the <see cref="PolicyName"/> policy. The app calls <c>UseRateLimiter()</c> after <c>UseAuthentication()</c>,
    /// so that a signed-in caller is counted by subject.
    /// </summary>
    public static WebApplicationBuilder AddHubRateLimiting(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<HubRateLimitOptions>()
            .Bind(builder.Configuration.GetSection(HubRateLimitOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, cancellationToken) => RefuseAsync(context.HttpContext, context.Lease);
            limiter.AddPolicy(PolicyName, Partition);
        });
        return builder;
    }

    /// <summary>
    /// A token bucket per caller rather than a fixed window: a caller may spend its whole budget at once, then gets
    /// one request back every <c>Window / limit</c>, so there is no burst of twice the budget around a window's edge
    /// and <c>Retry-After</c> is the wait for the next single request, not for a whole new window.
    /// </summary>
    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<HubRateLimitOptions>>().Value;
        if (!options.Enabled)
        {
            return RateLimitPartition.GetNoLimiter("off");
        }

        // A request whose token fails is anonymous here and counts against its address: guessing tokens is not free.
        return HubIdentity.From(context.User) is { } identity
            ? Bucket("subject:" + identity.Subject, options.SignedInPermitLimit, options.Window)
            : Bucket("address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), options.AnonymousPermitLimit, options.Window);
    }

    private static RateLimitPartition<string> Bucket(string key, int limit, TimeSpan window) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = limit,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = window / limit,
            QueueLimit = 0,
        });

    private static async ValueTask RefuseAsync(HttpContext context, RateLimitLease lease)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
            : 1;
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        var signedIn = HubIdentity.From(context.User) is not null;
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HubRateLimitingExtensions));
        var path = context.Request.Path.Value ?? "/";
        AccessLog.RateLimited(logger, signedIn ? "signed-in" : "anonymous", path, retryAfter);

        await Results.Problem(
            detail: $"Too many requests from this {(signedIn ? "account" : "address")}; retry after {retryAfter} s.",
            statusCode: StatusCodes.Status429TooManyRequests,
            extensions: new Dictionary<string, object?> { ["code"] = AccessErrorCodes.RateLimited })
            .ExecuteAsync(context);
    }
}
