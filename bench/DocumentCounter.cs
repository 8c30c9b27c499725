using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;

namespace OurSociety.Federation.Bench;

/// <summary>
/// Counts how many GraphQL requests are parsed and how many are fully validated. Register both parts as
/// <see cref="IConfigureExecution"/> (<see cref="Register"/>): one, outside the hub's document cache (sort order 200),
/// adds a counting validation rule the way <c>AddValidationRule</c> does, so it runs only when the cache does not
/// serve the document (on a hit the cache replaces the rules with the cached-document ones); the other, inside the
/// cache, counts requests that reach the executer without a parsed document.
/// </summary>
public sealed class DocumentCounter
{
    private long _requests;
    private long _parses;
    private long _validations;

    public long Requests => Interlocked.Read(ref _requests);

    public long Parses => Interlocked.Read(ref _parses);

    public long Validations => Interlocked.Read(ref _validations);

    public void Register(IServiceCollection services)
    {
        services.AddSingleton<IConfigureExecution>(new Outer(this));
        services.AddSingleton<IConfigureExecution>(new Inner(this));
    }

    /// <summary>Before the document cache: counts requests and adds the counting rule to the full rule list.</summary>
    private sealed class Outer(DocumentCounter counter) : IConfigureExecution
    {
        private readonly CountingRule _rule = new(counter);

        public float SortOrder => 150;

        public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
        {
            Interlocked.Increment(ref counter._requests);
            options.ValidationRules = [.. options.ValidationRules ?? DocumentValidator.CoreRules, _rule];
            return next(options);
        }
    }

    /// <summary>After the document cache: a request still without a document is parsed by the executer.</summary>
    private sealed class Inner(DocumentCounter counter) : IConfigureExecution
    {
        public float SortOrder => 300;

        public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
        {
            if (options.Document is null)
            {
                Interlocked.Increment(ref counter._parses);
            }

            return next(options);
        }
    }

    private sealed class CountingRule(DocumentCounter counter) : ValidationRuleBase
    {
        public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
        {
            Interlocked.Increment(ref counter._validations);
            return default;
        }
    }
}
