using GraphQL;
using OurSociety.Federation.Access;

namespace OurSociety.Federation.Api.Common;

/// <summary>What resolvers reach through their context: the request's shared services, the caller and input fields.</summary>
public static class HubContext
{
    public static HubRequest Hub(this IResolveFieldContext context) => context.RequestServices!.GetRequiredService<HubRequest>();

    /// <summary>Who is calling; see <see cref="HubRequest.CallerAsync"/>.</summary>
    public static Task<Caller> CallerAsync(this IResolveFieldContext context) => context.Hub().CallerAsync(context.User);

    public static Dictionary<string, object?> Input(this IResolveFieldContext context) => context.GetArgument<Dictionary<string, object?>>("input");

    public static T? Get<T>(this Dictionary<string, object?> input, string name)
        where T : class => input.TryGetValue(name, out var value) ? value as T : null;

    public static T? GetValue<T>(this Dictionary<string, object?> input, string name)
        where T : struct => input.TryGetValue(name, out var value) && value is T t ? t : null;

    public static IReadOnlyList<T>? GetList<T>(this Dictionary<string, object?> input, string name) =>
        input.TryGetValue(name, out var value) && value is IEnumerable<object?> items ? items.OfType<T>().ToArray() : null;
}
