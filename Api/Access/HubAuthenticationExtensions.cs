using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OurSociety.Federation.Access;
using OurSociety.Federation.Api.Transport;
using OurSociety.Federation.Hosting;

namespace OurSociety.Federation.Api.Access;

/// <summary>How the hub learns who is calling: bearer tokens (JWT) from its own issuer or an external OpenID Connect provider.</summary>
public static class HubAuthenticationExtensions
{
    /// <summary>
    /// JwtBearer as the default scheme, configured from <see cref="HubAuthOptions"/> (section <c>Hub:Auth</c>,
    /// validated at start), the embedded <see cref="HubTokenIssuer"/> when there is no external provider, and the
    /// GraphQL endpoint's 401 for bad tokens, and the same checks for a token sent in a WebSocket's <c>connection_init</c>.
    /// The app calls <c>UseAuthentication()</c>.
    /// </summary>
    public static WebApplicationBuilder AddHubAuthentication(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<HubAuthOptions>().Bind(builder.Configuration.GetSection(HubAuthOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        // Which issuer is in play decides what is registered, so it is read (and checked) now.
        var auth = HubSettings.Read<HubAuthOptions>(builder.Configuration, HubAuthOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        if (auth.IsEmbeddedIssuer)
        {
            services.AddSingleton(provider => new HubSigningKey(
                HubSigningKey.PathFor(provider.GetRequiredService<IOptions<HubAuthOptions>>().Value, builder.Configuration),
                provider.GetRequiredService<ILogger<HubSigningKey>>()));
            services.AddSingleton<HubTokenIssuer>();
        }

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<HubAuthOptions>, IServiceProvider>((jwt, options, provider) => Configure(jwt, options.Value, provider));
        services.AddSingleton<IGraphQLHttpCallerPolicy, BearerTokenPolicy>();
        services.AddSingleton<IGraphQLWebSocketAuthenticator, BearerTokenWebSocketAuthenticator>();
        return builder;
    }

    private static void Configure(JwtBearerOptions jwt, HubAuthOptions auth, IServiceProvider provider)
    {
        // Claims keep the names the token gives them; OnTokenValidated maps the configured ones to HubIdentity's.
        jwt.MapInboundClaims = false;
        jwt.IncludeErrorDetails = false;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidAudience = auth.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = auth.ClockSkew,
            NameClaimType = auth.SubjectClaim,
            RoleClaimType = auth.RoleClaim,
        };

        if (auth.IsEmbeddedIssuer)
        {
            var key = provider.GetRequiredService<HubSigningKey>();
            jwt.TokenValidationParameters.ValidIssuer = auth.Issuer;
            jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256];

            // Resolved per token rather than fixed now, so a key file created or replaced by the token command counts.
            jwt.TokenValidationParameters.IssuerSigningKeyResolver = (_, _, _, _) => [key.Current];
        }
        else
        {
            // Keys and the valid issuer come from the provider's discovery document and JWKS, refreshed by JwtBearer.
            jwt.Authority = auth.Authority;
            jwt.RequireHttpsMetadata = auth.RequireHttpsMetadata;
        }

        // A token already validated is not checked again until it expires or the signing key changes (see CachingTokenHandler).
        var keys = auth.IsEmbeddedIssuer ? provider.GetRequiredService<HubSigningKey>() : null;
        jwt.TokenHandlers.Clear();
        jwt.TokenHandlers.Add(new CachingTokenHandler(
            new JsonWebTokenHandler { MapInboundClaims = false }, () => keys?.Current.KeyId, provider.GetRequiredService<TimeProvider>()));

        jwt.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                if (Normalise(context.Principal!, auth) is { } identity)
                {
                    context.Principal = identity;
                }
                else
                {
                    context.Fail(new HubTokenRejectedException("The bearer token has no subject."));
                }

                return Task.CompletedTask;
            },
        };
    }

    /// <summary>
    /// The principal with the hub's own subject and role claims added (<see cref="HubIdentity.SubjectClaimType"/>,
    /// <see cref="HubIdentity.RoleClaimType"/>), or null when the token names no subject.
    /// </summary>
    private static ClaimsPrincipal? Normalise(ClaimsPrincipal principal, HubAuthOptions auth)
    {
        var subject = principal.FindFirst(auth.SubjectClaim)?.Value;
        if (string.IsNullOrWhiteSpace(subject))
        {
            return null;
        }

        var roles = HubRoles.None;
        foreach (var claim in principal.FindAll(auth.RoleClaim))
        {
            // An array claim arrives as one claim per value; some providers send one space-separated string instead.
            foreach (var role in claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (string.Equals(role, auth.AdminRole, StringComparison.Ordinal))
                {
                    roles |= HubRoles.Admin;
                }
                else if (string.Equals(role, auth.NationalViewerRole, StringComparison.Ordinal))
                {
                    roles |= HubRoles.NationalViewer;
                }
            }
        }

        var source = principal.Identities.First();
        var identity = new ClaimsIdentity(
            source.Claims.Concat(new HubIdentity(subject, roles).ToClaims()),
            source.AuthenticationType,
            HubIdentity.SubjectClaimType,
            HubIdentity.RoleClaimType);
        return new ClaimsPrincipal(identity);
    }
}
