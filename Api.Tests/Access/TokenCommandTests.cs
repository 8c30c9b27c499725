using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OurSociety.Federation.Api.Access;
using OurSociety.Federation.Api.Tests.Hub;
using OurSociety.Federation.Storage;

namespace OurSociety.Federation.Api.Tests.Access;

/// <summary>The <c>token</c> command prints a bearer token the running hub accepts, and refuses what it does not understand.</summary>
public sealed class TokenCommandTests(SqliteHubFixture fixture) : IClassFixture<SqliteHubFixture>
{
    private readonly HubHost _hub = fixture.Hub;

    private string DataDirectoryArg => "--Hub:Storage:DataDirectory=" + _hub.Services.GetRequiredService<IOptions<HubStorageOptions>>().Value.DataDirectory;

    [Fact]
    public async Task The_printed_line_is_an_authorization_header_the_running_hub_accepts()
    {
        var (exitCode, output, error) = Run("--subject", "amara@example.org", "--role", "national", "--hours", "2", DataDirectoryArg);

        Assert.Equal((0, ""), (exitCode, error));
        var line = Assert.Single(output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Bearer ey", line, StringComparison.Ordinal);
        Assert.Equal(new HubIdentity("amara@example.org", Federation.Access.HubRoles.NationalViewer), await IdentityOfAsync(line));

        var call = await GraphQLCall.PostAsync(_hub.Http, "{ __typename }", authorization: line);
        Assert.Equal(HttpStatusCode.OK, call.Status);
    }

    [Fact]
    public async Task An_admin_token_without_a_subject_is_for_the_subject_admin()
    {
        var (exitCode, output, _) = Run("--role", "admin", DataDirectoryArg);

        Assert.Equal(0, exitCode);
        Assert.Equal(new HubIdentity("admin", Federation.Access.HubRoles.Admin), await IdentityOfAsync(output.Trim()));
    }

    [Fact]
    public void A_new_data_directory_gets_an_owner_only_key_that_later_tokens_reuse()
    {
        var directory = HubHost.NewDataDirectory();
        var arg = "--Hub:Storage:DataDirectory=" + directory;

        Assert.Equal(0, Run("--subject", "kofi@example.org", arg).ExitCode);
        var key = File.ReadAllText(Path.Combine(directory, "hub-signing-key.pem"));
        Assert.Equal(0, Run("--subject", "kofi@example.org", arg).ExitCode);

        Assert.Equal(key, File.ReadAllText(Path.Combine(directory, "hub-signing-key.pem")));
        Assert.Equal(["hub-signing-key.pem"], Directory.GetFiles(directory).Select(Path.GetFileName));
        Directory.Delete(directory, recursive: true);
    }

    [Theory]
    [InlineData("Unknown option '--verbose'.", "--subject", "a", "--verbose")]
    [InlineData("Unknown role 'coordinator': use admin or national.", "--subject", "a", "--role", "coordinator")]
    [InlineData("--subject is required (it may be left out only with --role admin, which defaults it to 'admin').", "--role", "national")]
    [InlineData("--subject needs a value.", "--subject")]
    [InlineData("--hours must be a number of hours above 0 and at most 720, not '0'.", "--subject", "a", "--hours", "0")]
    [InlineData("Hub:Auth:Authority is set (https://id.example.org): tokens come from that provider, not from the hub.", "--subject", "a", "--Hub:Auth:Authority=https://id.example.org")]
    public void Bad_usage_is_explained_on_stderr_with_exit_code_2(string message, params string[] args)
    {
        var (exitCode, output, error) = Run(args);

        Assert.Equal((HubTokenCommand.UsageError, ""), (exitCode, output));
        Assert.Equal(message, error.Split(Environment.NewLine)[0]);
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = HubTokenCommand.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    private async Task<HubIdentity?> IdentityOfAsync(string authorization)
    {
        await using var scope = _hub.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Headers.Authorization = authorization;
        var result = await Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions.AuthenticateAsync(context);
        return result.Succeeded ? HubIdentity.From(result.Principal!) : null;
    }
}
