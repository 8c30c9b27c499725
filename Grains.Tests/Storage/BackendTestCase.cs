using Xunit.Abstractions;
using Xunit.Sdk;

namespace OurSociety.Federation.Grains.Tests.Storage;

/// <summary>A test case that is skipped when its class needs PostgreSQL and none is configured (outside CI).</summary>
public sealed class BackendTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public BackendTestCase()
    {
    }

    public BackendTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay methodDisplay, TestMethodDisplayOptions methodDisplayOptions, ITestMethod testMethod)
        : base(diagnosticMessageSink, methodDisplay, methodDisplayOptions, testMethod)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute)
    {
        var needsPostgreSql = TestMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresPostgreSqlAttribute)).Any();
        return needsPostgreSql && PostgreSqlTestServer.SkipReason is { } reason ? reason : base.GetSkipReason(factAttribute);
    }
}
