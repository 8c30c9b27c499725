namespace OurSociety.Federation.Api.Tests.Transport;

/// <summary>
/// Tests that run Node scripts from <c>conformance/</c> share this collection, so they run one after another and never
/// see one of them reinstalling <c>node_modules</c>.
/// </summary>
public static class NodeCollection
{
    public const string Name = "Node.js tools";
}
