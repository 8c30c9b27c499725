using GraphQL.Types;

namespace OurSociety.Federation.Api.Tests.SchemaContract;

/// <summary>Descriptions are the schema's documentation (GraphiQL's docs pane, the SDL): none may be missing.</summary>
public sealed class SchemaDescriptionTests(HubSchemaFixture fixture) : IClassFixture<HubSchemaFixture>
{
    /// <summary>GraphQL's own scalars, described by the spec rather than by us (kept apart from GraphQL.NET's in case one is ever replaced).</summary>
    private static readonly HashSet<string> _builtInScalars = ["String", "Int", "Float", "Boolean", "ID"];

    [Fact]
    public void Every_type_field_argument_and_enum_value_has_a_description()
    {
        var missing = new List<string>();
        foreach (var type in fixture.Schema.AllTypes.Where(IsOurs))
        {
            Check(type.Description, type.Name);
            switch (type)
            {
                case IComplexGraphType complex:
                    foreach (var field in complex.Fields.Where(f => !IsFederation(f.Name)))
                    {
                        Check(field.Description, $"{type.Name}.{field.Name}");
                        foreach (var argument in field.Arguments ?? [])
                        {
                            Check(argument.Description, $"{type.Name}.{field.Name}({argument.Name})");
                        }
                    }

                    break;
                case EnumerationGraphType enumeration:
                    foreach (var value in enumeration.Values)
                    {
                        Check(value.Description, $"{type.Name}.{value.Name}");
                    }

                    break;
            }
        }

        Assert.True(missing.Count == 0, "Without a description:\n" + string.Join('\n', missing));

        void Check(string? description, string what)
        {
            if (string.IsNullOrWhiteSpace(description))
            {
                missing.Add(what);
            }
        }
    }

    private static bool IsOurs(IGraphType type) =>
        !type.Name.StartsWith("__", StringComparison.Ordinal) && !_builtInScalars.Contains(type.Name) && !IsFederation(type.Name) && !IsGraphQLNetScalar(type);

    /// <summary>Scalars GraphQL.NET ships (Long, Date, Uri, …), documented there.</summary>
    private static bool IsGraphQLNetScalar(IGraphType type) => type is ScalarGraphType && type.GetType().Assembly == typeof(ISchema).Assembly;

    /// <summary>What Apollo Federation adds (<c>_service</c>, <c>_entities</c>, <c>_Any</c>, <c>link__Purpose</c>, …) is described by its spec.</summary>
    private static bool IsFederation(string name) =>
        (name.StartsWith('_') && !name.StartsWith("__", StringComparison.Ordinal))
        || name.StartsWith("link__", StringComparison.Ordinal)
        || name.StartsWith("federation__", StringComparison.Ordinal)
        || name == "FieldSet";
}
