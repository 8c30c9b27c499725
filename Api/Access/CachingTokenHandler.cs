using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.Tokens;

namespace OurSociety.Federation.Api.Access;

/// <summary>
/// Remembers tokens that passed validation, so a caller who sends the same token again is not charged another
/// signature check (an ECDSA verification is most of a signed-in request's authentication cost). Only successful
/// results are kept, each until the earliest of: the token's expiry plus the allowed clock skew,
/// <see cref="MaxAge"/>, or a change of the signing key it was checked against. Failures always go to the inner handler.
/// </summary>
/// <param name="inner">The handler that really validates (JwtBearer's <c>JsonWebTokenHandler</c>).</param>
/// <param name="currentKeyId">The embedded issuer's current key id; null when keys come from an external provider.</param>
public sealed class CachingTokenHandler(TokenHandler inner, Func<string?> currentKeyId, TimeProvider time, int capacity = CachingTokenHandler.DefaultCapacity)
    : TokenHandler, IDisposable
{
    /// <summary>How many validated tokens are kept at most.</summary>
    public const int DefaultCapacity = 10_000;

    /// <summary>
    /// The longest a result is reused, so an external provider's key rotation or withdrawal takes effect within this
    /// time even for tokens still within their lifetime.
    /// </summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = capacity });

    public override int MaximumTokenSizeInBytes
    {
        get => inner.MaximumTokenSizeInBytes;
        set => inner.MaximumTokenSizeInBytes = value;
    }

    public override SecurityToken ReadToken(string token) => inner.ReadToken(token);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = time.GetUtcNow();
        var keyId = currentKeyId();
        if (_cache.TryGetValue(token, out Entry? entry) && entry!.KeyId == keyId && now < entry.Until)
        {
            return entry.Result;
        }

        var result = await inner.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is { } validated)
        {
            var until = new DateTimeOffset(DateTime.SpecifyKind(validated.ValidTo, DateTimeKind.Utc)) + validationParameters.ClockSkew;
            until = until < now + MaxAge ? until : now + MaxAge;
            if (until > now)
            {
                _cache.Set(token, new Entry(result, keyId, until), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = until - now });
            }
        }

        return result;
    }

    public void Dispose() => _cache.Dispose();

    private sealed record Entry(TokenValidationResult Result, string? KeyId, DateTimeOffset Until);
}
