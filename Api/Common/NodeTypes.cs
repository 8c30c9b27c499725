namespace OurSociety.Federation.Api.Common;

/// <summary>The type names that appear in global ids.</summary>
public static class NodeTypes
{
    public const string Network = "Network";
    public const string Organisation = "Organisation";
    public const string Activity = "Activity";
    public const string Introduction = "Introduction";
}
