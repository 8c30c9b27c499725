namespace OurSociety.Federation.Common;

public static class PersistentStateExtensions
{
    /// <summary>
    /// Writes the state. If the write fails, the change is in memory but not durable, so <paramref name="deactivate"/>
    /// (the grain's <c>DeactivateOnIdle</c>) drops the activation and the next call reloads what storage holds.
    /// </summary>
    public static async Task WriteOrDeactivateAsync<T>(this IPersistentState<T> state, Action deactivate)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            deactivate();
            throw;
        }
    }
}
