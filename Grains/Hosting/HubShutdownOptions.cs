using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace OurSociety.Federation.Hosting;

/// <summary>
/// How long the host waits for a graceful stop: <c>HostOptions:ShutdownTimeout</c>, which the generic host does not
/// bind by itself. A silo uses it to leave the cluster and hand its grains on, so Kubernetes' termination grace
/// period must be longer (see <c>k8s/</c>).
/// </summary>
public static class HubShutdownOptions
{
    public const string Section = "HostOptions";

    public static readonly TimeSpan Minimum = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan Maximum = TimeSpan.FromMinutes(30);

    public static IHostApplicationBuilder AddHubShutdownTimeout(this IHostApplicationBuilder builder)
    {
        var value = builder.Configuration[$"{Section}:ShutdownTimeout"];
        if (value is null)
        {
            return builder;
        }

        if (!TimeSpan.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var timeout) || timeout < Minimum || timeout > Maximum)
        {
            throw new OptionsValidationException(Section, typeof(HostOptions),
                [$"{Section}:ShutdownTimeout is '{value}'; it must be a time span between {Minimum:c} and {Maximum:c}, such as 00:02:00."]);
        }

        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = timeout);
        return builder;
    }
}
