namespace OurSociety.Federation.Common;

/// <summary>
/// A domain failure with a stable <see cref="Code"/>: bad input, an unknown thing, a rule refused.
/// Grains throw it before changing any state, so a caller that sees it knows nothing changed.
/// The GraphQL layer maps it once to a payload's <c>UserError</c>.
/// </summary>
[GenerateSerializer, Alias("HubException")]
public sealed class HubException : Exception
{
    public HubException()
    {
        Code = ErrorCodes.InvalidValue;
        Field = [];
    }

    public HubException(string message)
        : base(message)
    {
        Code = ErrorCodes.InvalidValue;
        Field = [];
    }

    public HubException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = ErrorCodes.InvalidValue;
        Field = [];
    }

    public HubException(string code, string message, params string[] field)
        : base(message)
    {
        Code = code;
        Field = field;
    }

    /// <summary>The stable error code, e.g. <c>NOT_A_MEMBER</c>.</summary>
    [Id(0)]
    public string Code { get; init; }

    /// <summary>The path of the input field at fault, e.g. <c>["title"]</c>; empty when the whole request is at fault.</summary>
    [Id(1)]
    public string[] Field { get; init; }
}
