namespace OurSociety.Federation.Storage;

/// <summary>Names shared by every grain that persists state, so both backends see the same rows.</summary>
public static class HubStorage
{
    /// <summary>The Orleans grain storage provider name every hub grain uses.</summary>
    public const string Name = "hub";
}
