using GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OurSociety.Federation.Api.Transport;

namespace OurSociety.Federation.Api.Tests.Transport;

/// <summary>
/// The transport in an in-memory ASP.NET Core host (TestServer) over <see cref="TestSchema"/>,
/// wired the way the hub wires it. One instance is shared by a test class.
/// </summary>
public class TransportHost : IAsyncLifetime
{
    public WebApplication App { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public CountingValidationRule Validations => App.Services.GetRequiredService<CountingValidationRule>();

    /// <summary>Configuration under <c>Hub:GraphQL</c> for this host.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    public virtual async Task InitializeAsync()
    {
        App = Build(Settings, builder => builder.WebHost.UseTestServer());
        await App.StartAsync();
        Client = App.GetTestClient();
    }

    public virtual async Task DisposeAsync()
    {
        Client?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }

    public static WebApplication Build(IReadOnlyDictionary<string, string?> settings, Action<WebApplicationBuilder> configure)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(settings);
        configure(builder);

        builder.Services.AddGraphQL(graphQL => graphQL
            .AddSchema<TestSchema>()
            .AddSystemTextJson()
            .AddValidationRule<CountingValidationRule>()
            // The app's own mapping of a domain exception to a coded error, which masking must respect.
            .AddUnhandledExceptionHandler(context =>
            {
                if (context.OriginalException is ArgumentException)
                {
                    context.Exception = new ExecutionError("That name is not allowed.") { Code = "NAME_REJECTED" };
                }
            }));
        builder.Services.AddGraphQLHttp(builder.Configuration);
        builder.Services.AddScoped<ScopedMarker>();

        var app = builder.Build();
        app.MapGraphQLHttp("/graphql");
        return app;
    }
}
