using Xunit.Sdk;

namespace OurSociety.Federation.Grains.Tests.Storage;

/// <summary>
/// A fact that runs against a storage backend. xunit 2 cannot skip at run time, so the decision is made when the test
/// is discovered: on a class marked <see cref="RequiresPostgreSqlAttribute"/> the test is skipped when
/// <c>HUB_TEST_POSTGRES</c> is unset, unless <c>CI=true</c>, where it runs and fails with a message saying how to run it
/// (<c>./scripts/test</c> starts a throwaway PostgreSQL and sets the variable).
/// </summary>
[XunitTestCaseDiscoverer("OurSociety.Federation.Grains.Tests.Storage.BackendFactDiscoverer", "OurSociety.Federation.Grains.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class BackendFactAttribute : FactAttribute;
