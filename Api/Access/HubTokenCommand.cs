using System.Globalization;
using Microsoft.Extensions.Options;
using OurSociety.Federation.Access;
using OurSociety.Federation.Hosting;

namespace OurSociety.Federation.Api.Access;

/// <summary>
/// <c>token --subject amara@example.org [--role admin] [--role national] [--hours 12]</c>: prints one line,
/// <c>Bearer &lt;jwt&gt;</c>, signed with the same key and settings the hub uses. Settings such as
/// <c>--Hub:Storage:DataDirectory=…</c> may follow, as for the hub itself.
/// </summary>
public static class HubTokenCommand
{
    /// <summary>Bad usage or configuration.</summary>
    public const int UsageError = 2;

    public const string Usage = "Usage: token --subject <subject> [--role admin] [--role national] [--hours <hours>] [--Hub:Section:Key=value …]";

    /// <summary>Runs the command with <paramref name="args"/> (those after <c>token</c>); returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        string? subject = null;
        var roles = HubRoles.None;
        TimeSpan? lifetime = null;
        var settings = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--subject" or "--role" or "--hours")
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    return Fail(error, $"{arg} needs a value.");
                }

                var value = args[++i];
                switch (arg)
                {
                    case "--subject" when string.IsNullOrWhiteSpace(value):
                        return Fail(error, "--subject must not be empty.");
                    case "--subject":
                        subject = value;
                        break;
                    case "--role" when value == "admin":
                        roles |= HubRoles.Admin;
                        break;
                    case "--role" when value == "national":
                        roles |= HubRoles.NationalViewer;
                        break;
                    case "--role":
                        return Fail(error, $"Unknown role '{value}': use admin or national.");
                    default:
                        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var hours) || !(hours > 0) || hours > 24 * 30)
                        {
                            return Fail(error, $"--hours must be a number of hours above 0 and at most {24 * 30}, not '{value}'.");
                        }

                        lifetime = TimeSpan.FromHours(hours);
                        break;
                }
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains(':', StringComparison.Ordinal))
            {
                // A setting, as the hub takes it: --Hub:Storage:DataDirectory=… or --Hub:Storage:DataDirectory ….
                settings.Add(arg);
                if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Count)
                {
                    settings.Add(args[++i]);
                }
            }
            else
            {
                return Fail(error, $"Unknown option '{arg}'.");
            }
        }

        subject ??= roles.HasFlag(HubRoles.Admin) ? "admin" : null;
        if (subject is null)
        {
            return Fail(error, "--subject is required (it may be left out only with --role admin, which defaults it to 'admin').");
        }

        // The same configuration sources as the hub: appsettings.json, appsettings.{Environment}.json, environment, arguments.
        var configuration = WebApplication.CreateBuilder([.. settings]).Configuration;
        HubAuthOptions auth;
        try
        {
            auth = HubSettings.Read<HubAuthOptions>(configuration, HubAuthOptions.Section);
        }
        catch (OptionsValidationException invalid)
        {
            return Fail(error, string.Join(Environment.NewLine, invalid.Failures), withUsage: false);
        }

        if (!auth.IsEmbeddedIssuer)
        {
            return Fail(error, $"{HubAuthOptions.Section}:Authority is set ({auth.Authority}): tokens come from that provider, not from the hub.", withUsage: false);
        }

        var issuer = new HubTokenIssuer(new HubSigningKey(HubSigningKey.PathFor(auth, configuration)), Options.Create(auth), TimeProvider.System);
        output.WriteLine($"Bearer {issuer.Issue(subject, roles, lifetime)}");
        return 0;
    }

    private static int Fail(TextWriter error, string message, bool withUsage = true)
    {
        error.WriteLine(message);
        if (withUsage)
        {
            error.WriteLine(Usage);
        }

        return UsageError;
    }
}
