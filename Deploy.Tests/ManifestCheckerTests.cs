using k8s.Models;

namespace OurSociety.Federation.Deploy.Tests;

/// <summary>The checker fed deliberately broken manifests: each breakage is reported, and only it.</summary>
public sealed class ManifestCheckerTests
{
    [Fact]
    public void A_silo_without_a_readiness_probe_is_reported()
    {
        var problems = CheckDevWith(dev => Silo(dev).ReadinessProbe = null);

        Assert.Equal(["Deployment/hub-silo container silo: no readiness probe."], problems);
    }

    [Fact]
    public void A_probe_on_a_port_the_container_does_not_have_is_reported()
    {
        var problems = CheckDevWith(dev => Api(dev).LivenessProbe.HttpGet.Port = "8081");

        Assert.Equal(["Deployment/hub-api container api: the liveness probe's port 8081 is not a port of the container."], problems);
    }

    [Fact]
    public void A_probe_on_a_path_that_is_not_the_health_endpoint_is_reported()
    {
        var problems = CheckDevWith(dev => Silo(dev).StartupProbe.HttpGet.Path = "/healthz");

        Assert.Equal(["Deployment/hub-silo container silo: the startup probe asks /healthz, not /health/startup."], problems);
    }

    [Fact]
    public void A_container_without_a_memory_limit_is_reported()
    {
        var problems = CheckDevWith(dev => Api(dev).Resources.Limits.Remove("memory"));

        Assert.Equal(["Deployment/hub-api container api: no memory limit."], problems);
    }

    [Fact]
    public void A_service_selector_that_matches_no_pod_is_reported()
    {
        var problems = CheckDevWith(dev => dev.Services.Single(s => s.Metadata.Name == "hub-api").Spec.Selector["app.kubernetes.io/name"] = "hub-web");

        Assert.Equal(["Service/hub-api: its selector matches no pod template."], problems);
    }

    [Fact]
    public void A_deployment_whose_selector_misses_its_own_pods_is_reported()
    {
        var problems = CheckDevWith(dev =>
        {
            var silo = dev.Deployments.Single(d => d.Metadata.Name == "hub-silo");
            silo.Spec.Selector.MatchLabels["app.kubernetes.io/name"] = "silo";
        });

        Assert.Equal(["Deployment/hub-silo: its selector does not match its pod template's labels."], problems);
    }

    [Fact]
    public void A_disruption_budget_that_guards_no_pod_is_reported()
    {
        var problems = CheckDevWith(dev => dev.DisruptionBudgets.Single(b => b.Metadata.Name == "hub-silo").Spec.Selector.MatchLabels["app.kubernetes.io/name"] = "hub-silos");

        Assert.Equal(["PodDisruptionBudget/hub-silo: its selector matches no pod template."], problems);
    }

    [Fact]
    public void A_pod_that_may_run_as_root_is_reported()
    {
        var problems = CheckDevWith(dev =>
        {
            var pod = dev.Deployments.Single(d => d.Metadata.Name == "hub-api").Spec.Template.Spec;
            pod.SecurityContext.RunAsNonRoot = null;
            pod.SecurityContext.RunAsUser = 0;
        });

        Assert.Equal(["Deployment/hub-api container api: runAsNonRoot is not true.", "Deployment/hub-api container api: no non-zero runAsUser."], problems);
    }

    [Theory]
    [InlineData("oursociety/hub-silo:latest", "Deployment/hub-silo container silo: the image oursociety/hub-silo:latest is tagged latest.")]
    [InlineData("registry.example:5000/oursociety/hub-silo", "Deployment/hub-silo container silo: the image registry.example:5000/oursociety/hub-silo has no tag.")]
    public void An_image_without_a_tag_or_tagged_latest_is_reported(string image, string problem)
    {
        var problems = CheckDevWith(dev => Silo(dev).Image = image);

        Assert.Equal([problem], problems);
    }

    [Fact]
    public void A_silo_killed_before_its_shutdown_timeout_is_reported()
    {
        var problems = CheckDevWith(dev => dev.Deployments.Single(d => d.Metadata.Name == "hub-silo").Spec.Template.Spec.TerminationGracePeriodSeconds = 120);

        Assert.Equal(["Deployment/hub-silo container silo: terminationGracePeriodSeconds 120 is not longer than HostOptions__ShutdownTimeout 120 s."], problems);
    }

    [Fact]
    public void A_silo_whose_Orleans_label_differs_from_its_cluster_id_is_reported()
    {
        var problems = CheckDevWith(dev => dev.Deployments.Single(d => d.Metadata.Name == "hub-silo").Spec.Template.Metadata.Labels["orleans/clusterId"] = "other");

        Assert.Equal(["Deployment/hub-silo: the pod label orleans/clusterId is 'other', not Hub__Orleans__ClusterId 'oursociety-hub'."], problems);
    }

    [Fact]
    public void A_silo_advertising_something_other_than_its_pod_IP_is_reported()
    {
        var problems = CheckDevWith(dev =>
        {
            var env = Silo(dev).Env;
            env.Remove(env.Single(e => e.Name == "POD_IP"));
        });

        Assert.Equal(
            [
                "Deployment/hub-silo container silo: Hub__Orleans__AdvertisedAddress refers to $(POD_IP), which is not defined before it.",
                "Deployment/hub-silo container silo: POD_IP does not come from the downward API's status.podIP.",
            ],
            problems);
    }

    [Fact]
    public void A_connection_string_from_a_Secret_nobody_creates_is_reported()
    {
        var problems = ManifestChecker.Check(RenderedOverlays.Prod(), externalSecrets: ["hub-signing-key"]);

        Assert.Equal(
            [
                "Deployment/hub-api container api: Hub__Storage__ConnectionString comes from Secret hub-database, which is neither in the manifests nor created by the operator.",
                "Deployment/hub-silo container silo: Hub__Storage__ConnectionString comes from Secret hub-database, which is neither in the manifests nor created by the operator.",
                "Job/hub-migrate container migrate: Hub__Storage__ConnectionString comes from Secret hub-database, which is neither in the manifests nor created by the operator.",
            ],
            problems);
    }

    [Fact]
    public void The_dev_overlay_fails_the_external_database_check()
    {
        var problems = ManifestChecker.CheckExternalDatabase(RenderedOverlays.Dev(), "hub-database");

        Assert.Equal(
            [
                "StatefulSet/postgres: the external-database overlay runs a StatefulSet.",
                "Deployment/hub-api container api: Hub__Storage__ConnectionString comes from Secret hub-database-gbbchm8kd4, not hub-database.",
                "Deployment/hub-silo container silo: Hub__Storage__ConnectionString comes from Secret hub-database-gbbchm8kd4, not hub-database.",
                "StatefulSet/postgres container postgres: runs PostgreSQL (postgres:15.18-bookworm).",
                "Job/hub-migrate container migrate: Hub__Storage__ConnectionString comes from Secret hub-database-gbbchm8kd4, not hub-database.",
                "Secret/hub-database-gbbchm8kd4: the overlay defines the database Secret the operator is to create.",
            ],
            problems);
    }

    [Fact]
    public void A_field_the_Kubernetes_models_do_not_know_fails_the_reading()
    {
        const string yaml = """
            apiVersion: v1
            kind: Service
            metadata:
              name: hub-api
            spec:
              selector:
                app.kubernetes.io/name: hub-api
              port:
                - name: http
                  port: 80
            """;

        var failure = Assert.Throws<YamlDotNet.Core.YamlException>(() => Manifests.Parse(yaml));

        Assert.Equal("Property 'port' not found on type 'k8s.Models.V1ServiceSpec'.", failure.Message);
    }

    private static IReadOnlyList<string> CheckDevWith(Action<Manifests> breakIt)
    {
        var dev = RenderedOverlays.Dev();
        breakIt(dev);
        return ManifestChecker.Check(dev, externalSecrets: []);
    }

    private static V1Container Silo(Manifests manifests) => manifests.Deployments.Single(d => d.Metadata.Name == "hub-silo").Spec.Template.Spec.Containers.Single();

    private static V1Container Api(Manifests manifests) => manifests.Deployments.Single(d => d.Metadata.Name == "hub-api").Spec.Template.Spec.Containers.Single();
}
