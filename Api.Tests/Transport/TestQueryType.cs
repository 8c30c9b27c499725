using GraphQL;
using GraphQL.Types;

namespace OurSociety.Federation.Api.Tests.Transport;

/// <summary>
/// <c>hello(name: String): String</c>. Some names steer it for the error tests: <c>boom</c> throws an
/// exception whose message must never reach the client, <c>rejected</c> throws one the host maps to a
/// coded error, <c>uncoded</c> raises an error without a code, <c>slow</c> waits until execution is cancelled.
/// </summary>
public sealed class TestQueryType : ObjectGraphType
{
    public const string SecretMessage = "connection string Password=hunter2";

    public TestQueryType()
    {
        Name = "Query";
        Field<StringGraphType>("hello")
            .Argument<StringGraphType>("name")
            .ResolveAsync(async context =>
            {
                var name = context.GetArgument<string?>("name");
                switch (name)
                {
                    case "boom":
                        throw new InvalidOperationException(SecretMessage);
                    case "rejected":
                        throw new ArgumentException("That name is not allowed.", nameof(name));
                    case "uncoded":
                        throw new ExecutionError("That name is taken.");
                    case "slow":
                        await Task.Delay(Timeout.InfiniteTimeSpan, context.CancellationToken);
                        break;
                    default:
                        break;
                }

                return $"Hello, {name ?? "world"}!";
            });
    }
}
