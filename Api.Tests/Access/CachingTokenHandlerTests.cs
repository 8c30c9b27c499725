using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OurSociety.Federation.Api.Access;

namespace OurSociety.Federation.Api.Tests.Access;

/// <summary>A token that passed is not checked again until it expires, the key changes, or five minutes pass; a failure is never remembered.</summary>
public sealed class CachingTokenHandlerTests : IDisposable
{
    private readonly ECDsaSecurityKey _key = new(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = "first" };
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly CountingHandler _inner = new();
    private readonly CachingTokenHandler _handler;
    private string _keyId = "first";

    public CachingTokenHandlerTests() => _handler = new CachingTokenHandler(_inner, () => _keyId, _time);

    private TokenValidationParameters Parameters => new()
    {
        ValidIssuer = "hub",
        ValidAudience = "api",
        IssuerSigningKey = _key,
        ClockSkew = TimeSpan.FromSeconds(30),
    };

    [Fact]
    public async Task The_same_valid_token_is_checked_once()
    {
        var token = Token(TimeSpan.FromHours(1));

        var first = await _handler.ValidateTokenAsync(token, Parameters);
        var second = await _handler.ValidateTokenAsync(token, Parameters);

        Assert.True(first.IsValid && second.IsValid);
        Assert.Equal(1, _inner.Calls);
    }

    [Fact]
    public async Task A_token_is_checked_again_once_it_has_expired_past_the_clock_skew()
    {
        var token = Token(TimeSpan.FromMinutes(2));
        await _handler.ValidateTokenAsync(token, Parameters);

        _time.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(29));
        await _handler.ValidateTokenAsync(token, Parameters);
        _time.Advance(TimeSpan.FromSeconds(2));
        await _handler.ValidateTokenAsync(token, Parameters);

        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task A_new_signing_key_or_five_minutes_send_the_token_back_to_the_real_check()
    {
        var token = Token(TimeSpan.FromHours(1));
        await _handler.ValidateTokenAsync(token, Parameters);

        _keyId = "second";
        await _handler.ValidateTokenAsync(token, Parameters);
        _time.Advance(CachingTokenHandler.MaxAge);
        await _handler.ValidateTokenAsync(token, Parameters);

        Assert.Equal(3, _inner.Calls);
    }

    [Fact]
    public async Task A_refused_token_is_refused_every_time_and_never_remembered()
    {
        var token = Token(TimeSpan.FromHours(1), audience: "elsewhere");

        var first = await _handler.ValidateTokenAsync(token, Parameters);
        var second = await _handler.ValidateTokenAsync(token, Parameters);

        Assert.False(first.IsValid || second.IsValid);
        Assert.IsType<SecurityTokenInvalidAudienceException>(second.Exception);
        Assert.Equal(2, _inner.Calls);
    }

    public void Dispose()
    {
        _handler.Dispose();
        _key.ECDsa.Dispose();
    }

    private string Token(TimeSpan lifetime, string audience = "api") => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "hub",
        Audience = audience,
        IssuedAt = _time.GetUtcNow().UtcDateTime,
        NotBefore = _time.GetUtcNow().UtcDateTime,
        Expires = (_time.GetUtcNow() + lifetime).UtcDateTime,
        Claims = new Dictionary<string, object> { ["sub"] = "amara" },
        SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.EcdsaSha256),
    });

    private sealed class CountingHandler : TokenHandler
    {
        private readonly JsonWebTokenHandler _real = new();

        public int Calls { get; private set; }

        public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
        {
            Calls++;
            return _real.ValidateTokenAsync(token, validationParameters);
        }
    }
}
