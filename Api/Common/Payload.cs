using OurSociety.Federation.Common;

namespace OurSociety.Federation.Api.Common;

/// <summary>A mutation's result: the object it changed, or the errors that stopped it (and then nothing changed).</summary>
public sealed record Payload<T>(T? Value, IReadOnlyList<UserError> Errors)
    where T : class
{
    public static Payload<T> Ok(T value) => new(value, []);

    public static Payload<T> Failed(HubException e) => new(null, [UserError.From(e)]);

    /// <summary>
    /// Runs a mutation, turning a domain failure into a payload error. A caller who must sign in first is not a
    /// payload error: it goes up as a request error (<c>UNAUTHENTICATED</c>), which the transport answers with 401.
    /// </summary>
    public static async Task<Payload<T>> RunAsync(Func<Task<T>> mutation)
    {
        try
        {
            return Ok(await mutation());
        }
        catch (HubException e) when (e.Code != ErrorCodes.Unauthenticated)
        {
            return Failed(e);
        }
    }
}
