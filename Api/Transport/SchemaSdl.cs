using System.Text;
using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;

namespace OurSociety.Federation.Api.Transport;

/// <summary>
/// The schema as SDL, printed once with descriptions by GraphQL.NET's printer and types and fields in
/// ordinal order, so the text is stable and two people adding fields rarely touch the same lines.
/// </summary>
public sealed class SchemaSdl(ISchema schema)
{
    private readonly Lazy<byte[]> _utf8 = new(() => Encoding.UTF8.GetBytes(Print(schema)));

    public static string Print(ISchema schema)
    {
        schema.Initialize();
        return schema.Print(new PrintOptions { IncludeDescriptions = true, StringComparison = StringComparison.Ordinal }).ReplaceLineEndings("\n").TrimEnd() + "\n";
    }

    internal ReadOnlyMemory<byte> Utf8 => _utf8.Value;
}
