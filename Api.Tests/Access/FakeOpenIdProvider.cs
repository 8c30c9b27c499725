using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OurSociety.Federation.Api.Tests.Access;

/// <summary>
/// The smallest OpenID Connect provider JwtBearer can use: a discovery document and a JWKS with one RSA key, on
/// Kestrel at a loopback port, and tokens signed with that key (RS256).
/// </summary>
public sealed class FakeOpenIdProvider : IAsyncDisposable
{
    private const string KeyId = "provider-key-1";

    private readonly RSA _rsa = RSA.Create(2048);
    private WebApplication? _app;

    public string Issuer { get; private set; } = "";

    public static async Task<FakeOpenIdProvider> StartAsync()
    {
        var provider = new FakeOpenIdProvider();
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = provider.Issuer,
            ["jwks_uri"] = provider.Issuer + "/jwks",
            ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.RsaSha256 },
        }));
        app.MapGet("/jwks", () =>
        {
            var key = provider._rsa.ExportParameters(includePrivateParameters: false);
            return Results.Json(new Dictionary<string, object>
            {
                ["keys"] = new[]
                {
                    new Dictionary<string, string>
                    {
                        ["kty"] = "RSA",
                        ["use"] = "sig",
                        ["alg"] = SecurityAlgorithms.RsaSha256,
                        ["kid"] = KeyId,
                        ["n"] = Base64UrlEncoder.Encode(key.Modulus),
                        ["e"] = Base64UrlEncoder.Encode(key.Exponent),
                    },
                },
            });
        });
        await app.StartAsync();
        provider._app = app;
        provider.Issuer = app.Urls.Single().TrimEnd('/');
        return provider;
    }

    /// <summary>A token as the provider would issue it, with whatever claims the test gives.</summary>
    public string Issue(string audience, IDictionary<string, object> claims)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(10),
            Claims = claims,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _rsa.Dispose();
    }
}
