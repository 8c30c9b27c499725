namespace OurSociety.Federation.Api.Tests.Transport;

/// <summary>
/// A fact that needs Node.js. Without node on PATH it is skipped on a developer machine, but under
/// <c>CI=true</c> it runs and fails, so a CI machine without Node cannot pass the audit silently.
/// </summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (!NodeTooling.IsCi && !NodeTooling.IsAvailable)
        {
            Skip = NodeTooling.MissingMessage + " Skipped outside CI.";
        }
    }
}
