using Xunit.Abstractions;
using Xunit.Sdk;

namespace OurSociety.Federation.Grains.Tests.Storage;

/// <summary>Creates <see cref="BackendTestCase"/>s, which know the concrete test class and so its backend.</summary>
public sealed class BackendFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        new BackendTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
}
