using GraphQL.Types;

namespace OurSociety.Federation.Api.Common;

/// <summary>Gives enum values their schema descriptions next to the graph type, where the API's wording lives.</summary>
public static class EnumValueDescriptions
{
    /// <summary>Describes each named value; a name the enum does not have is a mistake caught when the schema is built.</summary>
    public static void Describe(this EnumerationGraphType type, params (string Name, string Description)[] values)
    {
        foreach (var (name, description) in values)
        {
            var value = type.Values.FindByName(name)
                ?? throw new InvalidOperationException($"{type.Name} has no value {name}.");
            value.Description = description;
        }
    }
}
