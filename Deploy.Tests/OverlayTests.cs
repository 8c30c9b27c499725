using k8s;
using k8s.Models;

namespace OurSociety.Federation.Deploy.Tests;

public sealed class OverlayTests
{
    [Fact]
    public void The_dev_overlay_renders_the_hub_and_its_own_database()
    {
        var names = RenderedOverlays.Dev().Objects.Cast<IKubernetesObject<V1ObjectMeta>>().Select(o => $"{o.Kind}/{o.Metadata.Name}").Order(StringComparer.Ordinal);

        Assert.Equal(
            [
                "Deployment/hub-api", "Deployment/hub-silo", "Ingress/hub-api", "Job/hub-migrate", "Namespace/oursociety-dev",
                "PodDisruptionBudget/hub-api", "PodDisruptionBudget/hub-silo", "Secret/hub-database-gbbchm8kd4", "Secret/postgres-credentials-fb42tggkgf",
                "Service/hub-api", "Service/hub-silo", "Service/postgres", "ServiceAccount/hub", "StatefulSet/postgres",
            ],
            names);
    }

    [Fact]
    public void The_dev_overlay_passes_every_deployment_check()
    {
        Assert.Empty(ManifestChecker.Check(RenderedOverlays.Dev(), externalSecrets: []));
    }

    [Fact]
    public void The_prod_overlay_passes_every_deployment_check()
    {
        Assert.Empty(ManifestChecker.Check(RenderedOverlays.Prod(), RenderedOverlays.ProdOperatorSecrets));
    }

    [Fact]
    public void The_prod_overlay_runs_no_database_and_reads_the_connection_string_from_the_operators_Secret()
    {
        var prod = RenderedOverlays.Prod();

        Assert.Empty(ManifestChecker.CheckExternalDatabase(prod, "hub-database"));
        Assert.Empty(prod.Secrets);
        var references = prod.PodTemplates
            .SelectMany(t => t.Template.Spec.Containers.Select(c => (t.Owner, Reference: c.Env.Single(e => e.Name == "Hub__Storage__ConnectionString").ValueFrom.SecretKeyRef)))
            .Select(r => $"{r.Owner} {r.Reference.Name}/{r.Reference.Key}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(
            ["Deployment/hub-api hub-database/connection-string", "Deployment/hub-silo hub-database/connection-string", "Job/hub-migrate hub-database/connection-string"],
            references);
    }

    [Fact]
    public void The_prod_Api_replicas_share_one_signing_key_from_a_Secret()
    {
        var api = RenderedOverlays.Prod().Deployments.Single(d => d.Metadata.Name == "hub-api").Spec.Template.Spec;

        var volume = api.Volumes.Single(v => v.Name == "signing-key");
        Assert.Equal(("hub-signing-key", (V1EmptyDirVolumeSource?)null), (volume.Secret?.SecretName, volume.EmptyDir));
        Assert.Equal("/var/run/hub/auth/hub-signing-key.pem", api.Containers[0].Env.Single(e => e.Name == "Hub__Auth__SigningKeyFile").Value);
    }

    [Fact]
    public void The_dev_overlay_keeps_PostgreSQL_on_a_persistent_volume_behind_a_Service_and_a_dev_Secret()
    {
        var dev = RenderedOverlays.Dev();

        var postgres = dev.StatefulSets.Single();
        var claim = postgres.Spec.VolumeClaimTemplates.Single();
        Assert.Equal(("postgres", "data", "2Gi"), (postgres.Spec.ServiceName, claim.Metadata.Name, claim.Spec.Resources.Requests["storage"].ToString()));
        Assert.Equal("/var/lib/postgresql/data", postgres.Spec.Template.Spec.Containers[0].VolumeMounts.Single(m => m.Name == "data").MountPath);
        Assert.Equal(5432, dev.Services.Single(s => s.Metadata.Name == "postgres").Spec.Ports.Single().Port);
        var connection = System.Text.Encoding.UTF8.GetString(dev.Secrets.Single(s => s.Metadata.Name.StartsWith("hub-database-", StringComparison.Ordinal)).Data["connection-string"]);
        Assert.StartsWith("Host=postgres;Port=5432;Username=hub;", connection, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dev", "oursociety/hub-api:0.1.0-dev", "oursociety/hub-silo:0.1.0-dev")]
    [InlineData("prod", "oursociety/hub-api:0.1.0", "oursociety/hub-silo:0.1.0")]
    public void Each_overlay_names_its_hub_images_by_tag(string overlay, string api, string silo)
    {
        var manifests = overlay == "dev" ? RenderedOverlays.Dev() : RenderedOverlays.Prod();

        var images = manifests.PodTemplates.Where(t => !t.Owner.StartsWith("StatefulSet/", StringComparison.Ordinal))
            .Select(t => $"{t.Owner} {t.Template.Spec.Containers.Single().Image}").Order(StringComparer.Ordinal);

        Assert.Equal([$"Deployment/hub-api {api}", $"Deployment/hub-silo {silo}", $"Job/hub-migrate {silo}"], images);
    }

    [Fact]
    public void Silos_carry_Orleans_labels_pod_identity_and_cluster_settings()
    {
        var silo = RenderedOverlays.Prod().Deployments.Single(d => d.Metadata.Name == "hub-silo").Spec.Template;
        var env = silo.Spec.Containers.Single().Env.ToDictionary(e => e.Name);

        Assert.Equal(("oursociety-federation", "oursociety-hub"), (silo.Metadata.Labels["orleans/serviceId"], silo.Metadata.Labels["orleans/clusterId"]));
        Assert.Equal(("oursociety-federation", "oursociety-hub"), (env["Hub__Orleans__ServiceId"].Value, env["Hub__Orleans__ClusterId"].Value));
        Assert.Equal(("metadata.name", "status.podIP", "$(POD_IP)"), (env["POD_NAME"].ValueFrom.FieldRef.FieldPath, env["POD_IP"].ValueFrom.FieldRef.FieldPath, env["Hub__Orleans__AdvertisedAddress"].Value));
        Assert.Equal(("AdoNet", "PostgreSql", "false"), (env["Hub__Orleans__Clustering"].Value, env["Hub__Storage__Provider"].Value, env["Hub__Storage__ApplySchemaAtStart"].Value));
        Assert.Equal(3, RenderedOverlays.Prod().Deployments.Single(d => d.Metadata.Name == "hub-silo").Spec.Replicas);
    }

    [Fact]
    public void A_silo_is_given_longer_to_stop_than_the_host_waits_for_it()
    {
        var silo = RenderedOverlays.Prod().Deployments.Single(d => d.Metadata.Name == "hub-silo").Spec.Template.Spec;

        var timeout = TimeSpan.Parse(silo.Containers.Single().Env.Single(e => e.Name == "HostOptions__ShutdownTimeout").Value, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal((150L, TimeSpan.FromMinutes(2)), (silo.TerminationGracePeriodSeconds!.Value, timeout));
    }

    [Fact]
    public void The_Api_listens_on_the_port_its_probes_Service_and_Ingress_use()
    {
        var prod = RenderedOverlays.Prod();
        var api = prod.Deployments.Single(d => d.Metadata.Name == "hub-api").Spec.Template.Spec.Containers.Single();

        Assert.Equal(("http://+:8080", "http://+:8080"), (api.Env.Single(e => e.Name == "Urls").Value, api.Env.Single(e => e.Name == "ASPNETCORE_URLS").Value));
        Assert.Equal(("http", 8080), (api.Ports.Single().Name, api.Ports.Single().ContainerPort));
        Assert.Equal("http", prod.Services.Single(s => s.Metadata.Name == "hub-api").Spec.Ports.Single().TargetPort.Value);
        var paths = prod.Ingresses.Single().Spec.Rules.Single().Http.Paths.Select(p => (p.Path, p.Backend.Service.Name, p.Backend.Service.Port.Name));
        Assert.Equal([("/graphql", "hub-api", "http"), ("/national", "hub-api", "http")], paths);
    }
}
