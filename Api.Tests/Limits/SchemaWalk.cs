using System.Globalization;
using System.Text;
using GraphQL.Types;

namespace OurSociety.Federation.Api.Tests.Limits;

/// <summary>
/// Finds fields of a schema and writes the shortest query that reaches each from <c>Query</c>, with
/// placeholder values for required arguments, so a test can cover every field of a kind (say, every
/// connection) without naming them, and new ones are covered when they are added.
/// </summary>
public static class SchemaWalk
{
    /// <summary>A field to reach, the chain of fields that leads to it, and the type it is declared on.</summary>
    public sealed record Reached(IComplexGraphType Owner, FieldType Field, IReadOnlyList<FieldType> Path)
    {
        public override string ToString() => $"{Owner.Name}.{Field.Name}";

        /// <summary>A query selecting this field with <paramref name="arguments"/> (GraphQL literals) and <c>__typename</c> under it.</summary>
        public string Query(IReadOnlyDictionary<string, string> arguments)
        {
            var text = new StringBuilder("{ ");
            foreach (var step in Path)
            {
                text.Append(step.Name).Append(RequiredArguments(step, new Dictionary<string, string>())).Append(" { ");
            }

            text.Append(Field.Name).Append(RequiredArguments(Field, arguments));
            text.Append(Unwrap(Field.ResolvedType!) is IComplexGraphType ? " { __typename }" : string.Empty);
            text.Append(' ').Append('}', Path.Count + 1);
            return text.ToString();
        }
    }

    /// <summary>Every field of an object type reachable from Query through object fields, with the shortest path to it.</summary>
    public static IReadOnlyList<Reached> FieldsReachableFromQuery(ISchema schema)
    {
        schema.Initialize();
        var paths = new Dictionary<IComplexGraphType, IReadOnlyList<FieldType>> { [schema.Query] = [] };
        var queue = new Queue<IComplexGraphType>([schema.Query]);
        var reached = new List<Reached>();
        while (queue.TryDequeue(out var type))
        {
            foreach (var field in type.Fields.Where(f => !f.Name.StartsWith("__", StringComparison.Ordinal)))
            {
                reached.Add(new Reached(type, field, paths[type]));
                if (Unwrap(field.ResolvedType!) is IObjectGraphType child && !paths.ContainsKey(child))
                {
                    paths[child] = [.. paths[type], field];
                    queue.Enqueue(child);
                }
            }
        }

        return reached;
    }

    /// <summary>Every field of every object and interface type, introspection excluded.</summary>
    public static IEnumerable<(IComplexGraphType Owner, FieldType Field)> AllFields(ISchema schema)
    {
        schema.Initialize();
        return schema.AllTypes
            .OfType<IComplexGraphType>()
            .Where(t => t is not IInputObjectGraphType && !t.Name.StartsWith("__", StringComparison.Ordinal))
            .SelectMany(t => t.Fields.Select(f => (t, f)));
    }

    public static IGraphType Unwrap(IGraphType type) => type switch
    {
        NonNullGraphType nonNull => Unwrap(nonNull.ResolvedType!),
        ListGraphType list => Unwrap(list.ResolvedType!),
        _ => type,
    };

    private static string RequiredArguments(FieldType field, IReadOnlyDictionary<string, string> given)
    {
        var parts = new List<string>();
        foreach (var argument in field.Arguments ?? [])
        {
            if (given.TryGetValue(argument.Name, out var value))
            {
                parts.Add($"{argument.Name}: {value}");
            }
            else if (argument.ResolvedType is NonNullGraphType && argument.DefaultValue is null)
            {
                parts.Add($"{argument.Name}: {Placeholder(argument.ResolvedType)}");
            }
        }

        return parts.Count == 0 ? string.Empty : $"({string.Join(", ", parts)})";
    }

    /// <summary>A literal of the argument's type; its value does not matter to validation.</summary>
    private static string Placeholder(IGraphType type) => type switch
    {
        NonNullGraphType nonNull => Placeholder(nonNull.ResolvedType!),
        ListGraphType list => $"[{Placeholder(list.ResolvedType!)}]",
        IntGraphType or LongGraphType => "1",
        FloatGraphType => "1.5",
        BooleanGraphType => "false",
        EnumerationGraphType e => e.Values.First().Name,
        IInputObjectGraphType input => "{ " + string.Join(", ", input.Fields
            .Where(f => f.ResolvedType is NonNullGraphType && f.DefaultValue is null)
            .Select(f => $"{f.Name}: {Placeholder(f.ResolvedType!)}")) + " }",
        _ => "\"x\"",
    };

    /// <summary>An integer as a GraphQL literal.</summary>
    public static string Literal(int value) => value.ToString(CultureInfo.InvariantCulture);
}
