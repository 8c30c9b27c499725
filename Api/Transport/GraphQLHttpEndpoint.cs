using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using Microsoft.Extensions.Options;

namespace OurSociety.Federation.Api.Transport;

/// <summary>
/// The GraphQL-over-HTTP endpoint: checks method, <c>Accept</c> and body, runs the operation through
/// the DI <see cref="IDocumentExecuter{TSchema}"/>, and writes the <see cref="ExecutionResult"/>
/// straight to the response body with the DI serializer.
/// </summary>
internal sealed class GraphQLHttpEndpoint(
    IDocumentExecuter<ISchema> executer,
    IGraphQLTextSerializer serializer,
    IOptions<GraphQLHttpOptions> options,
    IEnumerable<IGraphQLHttpCallerPolicy> callerPolicies,
    GraphiQLPage graphiQL)
{
    private static readonly IValidationRule[] _getRules = [GetQueriesOnlyValidationRule.Instance];
    private static readonly IEnumerable<IValidationRule> _getRulesWithCoreRules = [.. DocumentValidator.CoreRules, GetQueriesOnlyValidationRule.Instance];

    private readonly GraphQLHttpRequestReader _reader = new(serializer);
    private readonly IGraphQLHttpCallerPolicy[] _callerPolicies = [.. callerPolicies];

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var isGet = HttpMethods.IsGet(request.Method);
        if (isGet && graphiQL.Wants(context))
        {
            await graphiQL.WriteAsync(context);
            return;
        }

        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = "GET, POST";
            await WriteProblemAsync(context, new GraphQLHttpRequestException(
                StatusCodes.Status405MethodNotAllowed, TransportErrorCodes.MethodNotAllowed, "Use GET for queries or POST."));
            return;
        }

        if (AcceptNegotiation.Negotiate(request.Headers.Accept) is not { } mediaType)
        {
            await WriteProblemAsync(context, new GraphQLHttpRequestException(
                StatusCodes.Status406NotAcceptable,
                TransportErrorCodes.NotAcceptable,
                $"Accept {GraphQLMediaTypes.GraphQLResponse} or {GraphQLMediaTypes.Json} (UTF-8)."));
            return;
        }

        foreach (var policy in _callerPolicies)
        {
            if (await policy.CheckAsync(context) is { } refusal)
            {
                await WriteRefusalAsync(context, refusal, mediaType);
                return;
            }
        }

        GraphQLHttpRequest graphQLRequest;
        try
        {
            graphQLRequest = isGet
                ? _reader.ReadQueryString(request.Query)
                : await _reader.ReadBodyAsync(request, options.Value.MaxRequestBodySize, context.RequestAborted);
        }
        catch (GraphQLHttpRequestException refused)
        {
            await WriteProblemAsync(context, refused);
            return;
        }

        ExecutionResult result;
        try
        {
            result = await executer.ExecuteAsync(new ExecutionOptions
            {
                Query = graphQLRequest.Query,
                OperationName = graphQLRequest.OperationName,
                Variables = graphQLRequest.Variables,
                Extensions = graphQLRequest.Extensions,
                // Null keeps GraphQL.NET's core rules; the options configured by the app add their own.
                ValidationRules = isGet ? _getRulesWithCoreRules : null,
                CachedDocumentValidationRules = isGet ? _getRules : null,
                RequestServices = context.RequestServices,
                User = context.User,
                CancellationToken = context.RequestAborted,
                Timeout = options.Value.ExecutionTimeout,
                TimeoutAction = TimeoutAction.ReturnTimeoutError,
            });
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
            return;
        }

        var response = context.Response;
        var statusCode = StatusCodeFor(result, mediaType);
        foreach (var policy in _callerPolicies)
        {
            statusCode = policy.StatusCodeFor(context, result, statusCode);
        }

        response.StatusCode = statusCode;
        if (response.StatusCode == StatusCodes.Status405MethodNotAllowed)
        {
            response.Headers.Allow = "POST";
        }

        await WriteResultAsync(context, result, mediaType);
    }

    /// <summary>
    /// 200 for anything that executed, partial errors included (graphql-http's audits predate the
    /// draft's 294). A request that failed before execution (parse, validation, variable coercion)
    /// is 400 for <c>application/graphql-response+json</c> but 200 for legacy <c>application/json</c>
    /// clients, which treat non-2xx as a transport failure; a mutation by GET is 405 for both.
    /// </summary>
    internal static int StatusCodeFor(ExecutionResult result, ResponseMediaType mediaType)
    {
        if (result.Executed)
        {
            return StatusCodes.Status200OK;
        }

        var errors = result.Errors ?? [];
        if (errors.Any(error => error is GetOperationNotAllowedError))
        {
            return StatusCodes.Status405MethodNotAllowed;
        }

        if (mediaType == ResponseMediaType.Json)
        {
            return StatusCodes.Status200OK;
        }

        if (errors.Any(error => error.Code == TransportErrorCodes.Timeout))
        {
            // The hub is a gateway in front of the Orleans cluster, which did not answer in time.
            return StatusCodes.Status504GatewayTimeout;
        }

        return errors.Any(error => error.Code == TransportErrorCodes.Internal)
            ? StatusCodes.Status500InternalServerError
            : StatusCodes.Status400BadRequest;
    }

    /// <summary>A refusal is a GraphQL response with one error and no data, in the negotiated media type.</summary>
    private Task WriteRefusalAsync(HttpContext context, GraphQLHttpRefusal refusal, ResponseMediaType mediaType)
    {
        context.Response.StatusCode = refusal.StatusCode;
        foreach (var (name, value) in refusal.Headers)
        {
            context.Response.Headers[name] = value;
        }

        return WriteResultAsync(context, new ExecutionResult { Errors = [new ExecutionError(refusal.Message) { Code = refusal.Code }] }, mediaType);
    }

    private Task WriteResultAsync(HttpContext context, ExecutionResult result, ResponseMediaType mediaType)
    {
        context.Response.ContentType = (mediaType == ResponseMediaType.GraphQLResponse ? GraphQLMediaTypes.GraphQLResponse : GraphQLMediaTypes.Json)
            + "; charset=utf-8";
        return serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }

    private static Task WriteProblemAsync(HttpContext context, GraphQLHttpRequestException refused) =>
        Results.Problem(
            detail: refused.Message,
            statusCode: refused.StatusCode,
            extensions: new Dictionary<string, object?> { ["code"] = refused.Code })
        .ExecuteAsync(context);
}
