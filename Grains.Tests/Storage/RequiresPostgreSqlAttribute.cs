namespace OurSociety.Federation.Grains.Tests.Storage;

/// <summary>Marks a test class whose <see cref="BackendFactAttribute"/> tests need the PostgreSQL server named by <c>HUB_TEST_POSTGRES</c>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresPostgreSqlAttribute : Attribute;
