namespace OurSociety.Federation.Api.Tests.Transport;

/// <summary>Unique names, so tests sharing a host (and its document cache) never share a query text.</summary>
public static class Unique
{
    public static string Alias() => $"a{Guid.NewGuid():N}";
}
