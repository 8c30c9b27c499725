using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;

namespace OurSociety.Federation.Api.Transport;

/// <summary>
/// Keeps exception details out of responses and gives every error a code. An exception a resolver
/// throws that no <c>AddUnhandledExceptionHandler</c> mapped to a coded <see cref="ExecutionError"/>
/// is logged and replaced by a bare <c>INTERNAL</c> error: GraphQL.NET's default message names the
/// field and its <c>codes</c> list would name the exception type.
/// </summary>
internal sealed class ErrorMasking(ILogger<ErrorMasking> logger) : IConfigureExecution
{
    /// <summary>After the option configurations (100), so it wraps the app's own exception handler.</summary>
    public float SortOrder => 150;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var appHandler = options.UnhandledExceptionDelegate;
        options.UnhandledExceptionDelegate = async context =>
        {
            await appHandler(context);
            if (context.Exception is ExecutionError)
            {
                return;
            }

            var fieldPath = context.FieldContext is { } field ? string.Join('.', field.Path) : "(document)";
            TransportLog.UnhandledException(logger, options.OperationName, fieldPath, context.OriginalException);
            context.Exception = new ExecutionError("Internal server error.") { Code = TransportErrorCodes.Internal };
        };

        var result = await next(options);
        foreach (var error in result.Errors ?? [])
        {
            if (string.IsNullOrEmpty(error.Code))
            {
                error.Code = error is TimeoutError ? TransportErrorCodes.Timeout : TransportErrorCodes.Unclassified;
            }

            if (error is TimeoutError)
            {
                TransportLog.ExecutionTimedOut(logger, options.OperationName, options.Timeout);
            }
        }

        return result;
    }
}
