using System.Net;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using OurSociety.Federation.Hosting;

namespace OurSociety.Federation.Api.Hosting;

/// <summary>
/// A browser cannot add an <c>Authorization</c> header to the dashboard's page and its requests, so an admin may
/// hand the same bearer token over once, at <c>{path}/sign-in</c>: it is kept in an HttpOnly, SameSite=Strict
/// cookie scoped to the dashboard's path and checked on every request exactly like the header (signature,
/// expiry, the admin role). The cookie is read for the dashboard's paths only and never for GraphQL.
/// </summary>
public static class HubDashboardSignIn
{
    public const string CookieName = "hub_dashboard_token";

    /// <summary>Lets JwtBearer take the token from the dashboard's cookie when a dashboard request has no header.</summary>
    public static IServiceCollection AddHubDashboardCookie(this IServiceCollection services, HubDashboardOptions dashboard)
    {
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
        {
            var received = jwt.Events.OnMessageReceived;
            jwt.Events.OnMessageReceived = async context =>
            {
                await received(context);
                if (context.Token is null
                    && context.Request.Headers.Authorization.Count == 0
                    && context.Request.Path.StartsWithSegments(dashboard.Path, StringComparison.Ordinal)
                    && context.Request.Cookies.TryGetValue(CookieName, out var token)
                    && !string.IsNullOrWhiteSpace(token))
                {
                    context.Token = token;
                }
            };
        });
        return services;
    }

    /// <summary><c>GET {path}/sign-in</c> (a form), <c>POST {path}/sign-in</c> (keeps the token) and <c>POST {path}/sign-out</c>.</summary>
    public static void MapHubDashboardSignIn(this WebApplication app, HubDashboardOptions dashboard)
    {
        var path = dashboard.Path;
        app.MapGet($"{path}/sign-in", () => Results.Content(Form(path), "text/html; charset=utf-8"));

        // The form is read by hand: the token is checked on every dashboard request, so there is nothing to
        // protect here beyond refusing a form posted from another site.
        app.MapPost($"{path}/sign-in", async (HttpContext context) =>
        {
            if (!SameOrigin(context))
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var token = form["token"].ToString().Trim();
            if (token.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                token = token["Bearer ".Length..].Trim();
            }

            if (token.Length == 0)
            {
                return Results.Redirect($"{path}/sign-in");
            }

            context.Response.Cookies.Append(CookieName, token, Cookie(context, path));
            return Results.Redirect($"{path}/");
        });

        app.MapPost($"{path}/sign-out", (HttpContext context) =>
        {
            if (!SameOrigin(context))
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            context.Response.Cookies.Delete(CookieName, Cookie(context, path));
            return Results.Redirect($"{path}/sign-in");
        });
    }

    private static CookieOptions Cookie(HttpContext context, string path) => new()
    {
        HttpOnly = true,
        Secure = context.Request.IsHttps,
        SameSite = SameSiteMode.Strict,
        Path = path,
        IsEssential = true,
    };

    /// <summary>A browser names the page a form came from; one from another host is refused.</summary>
    private static bool SameOrigin(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        return origin.Length == 0
            || (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }

    private static string Form(string path) => $$"""
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Orleans dashboard: sign in</title></head>
        <body>
        <h1>Orleans dashboard</h1>
        <p>Paste a bearer token with the hub's admin role. It is kept in a cookie for this dashboard only.</p>
        <form method="post" action="{{WebUtility.HtmlEncode(path)}}/sign-in">
        <textarea name="token" rows="6" cols="80" required></textarea>
        <p><button type="submit">Sign in</button></p>
        </form>
        </body>
        </html>
        """;
}
