using System.Globalization;
using System.Text.RegularExpressions;
using k8s.Models;

namespace OurSociety.Federation.Deploy.Tests;

/// <summary>
/// What every rendering of <c>k8s/</c> must get right, as a list of problems (empty when all is well), so a test
/// can show every problem at once and a broken manifest can be shown to produce the problem it should.
/// </summary>
public static partial class ManifestChecker
{
    /// <summary>The paths of the hub's health endpoints, by the probe that uses each.</summary>
    public static readonly IReadOnlyDictionary<string, string> HealthPaths = new Dictionary<string, string>
    {
        ["startup"] = "/health/startup",
        ["readiness"] = "/health/ready",
        ["liveness"] = "/health/live",
    };

    public const string SiloImage = "oursociety/hub-silo";

    public const string ApiImage = "oursociety/hub-api";

    /// <param name="externalSecrets">Secrets the operator creates, which the manifests may name without defining.</param>
    public static IReadOnlyList<string> Check(Manifests manifests, IReadOnlyCollection<string> externalSecrets)
    {
        var problems = new List<string>();
        foreach (var (owner, template) in manifests.PodTemplates)
        {
            var longRunning = !owner.StartsWith("Job/", StringComparison.Ordinal);
            var pod = template.Spec;
            foreach (var container in (pod.InitContainers ?? []).Concat(pod.Containers))
            {
                var where = $"{owner} container {container.Name}";
                if (longRunning && pod.Containers.Contains(container))
                {
                    CheckProbes(where, container, problems);
                }

                CheckResources(where, container, problems);
                CheckSecurity(where, pod.SecurityContext, container, problems);
                CheckImage(where, container.Image, problems);
                CheckEnvironment(where, container, manifests, externalSecrets, problems);
                CheckShutdown(where, pod, container, problems);
            }

            CheckVolumes(owner, pod, manifests, externalSecrets, problems);
        }

        CheckSelectors(manifests, problems);
        CheckSilos(manifests, problems);
        return problems;
    }

    /// <summary>What the prod overlay must be besides: no database of its own, and the connection string from the operator's Secret.</summary>
    public static IReadOnlyList<string> CheckExternalDatabase(Manifests manifests, string secretName)
    {
        var problems = new List<string>();
        foreach (var set in manifests.StatefulSets)
        {
            problems.Add($"StatefulSet/{set.Metadata.Name}: the external-database overlay runs a StatefulSet.");
        }

        foreach (var (owner, template) in manifests.PodTemplates)
        {
            foreach (var container in template.Spec.Containers)
            {
                if (ImageName(container.Image).EndsWith("postgres", StringComparison.Ordinal))
                {
                    problems.Add($"{owner} container {container.Name}: runs PostgreSQL ({container.Image}).");
                }

                var connection = container.Env?.FirstOrDefault(e => e.Name == "Hub__Storage__ConnectionString");
                if (IsHubImage(container.Image) && connection?.ValueFrom?.SecretKeyRef is not { } reference)
                {
                    problems.Add($"{owner} container {container.Name}: Hub__Storage__ConnectionString does not come from a Secret.");
                }
                else if (connection?.ValueFrom?.SecretKeyRef is { } secret && secret.Name != secretName)
                {
                    problems.Add($"{owner} container {container.Name}: Hub__Storage__ConnectionString comes from Secret {secret.Name}, not {secretName}.");
                }
            }
        }

        foreach (var secret in manifests.Secrets.Where(s => s.Metadata.Name.StartsWith(secretName, StringComparison.Ordinal)))
        {
            problems.Add($"Secret/{secret.Metadata.Name}: the overlay defines the database Secret the operator is to create.");
        }

        return problems;
    }

    private static void CheckProbes(string where, V1Container container, List<string> problems)
    {
        var ports = (container.Ports ?? []).ToList();
        foreach (var (kind, probe) in new[] { ("startup", container.StartupProbe), ("readiness", container.ReadinessProbe), ("liveness", container.LivenessProbe) })
        {
            if (probe is null)
            {
                problems.Add($"{where}: no {kind} probe.");
                continue;
            }

            if (probe.HttpGet is { } http)
            {
                if (!PortExists(ports, http.Port))
                {
                    problems.Add($"{where}: the {kind} probe's port {http.Port.Value} is not a port of the container.");
                }

                if (IsHubImage(container.Image) && http.Path != HealthPaths[kind])
                {
                    problems.Add($"{where}: the {kind} probe asks {http.Path}, not {HealthPaths[kind]}.");
                }
            }
            else if (probe.TcpSocket is { } tcp)
            {
                if (!PortExists(ports, tcp.Port))
                {
                    problems.Add($"{where}: the {kind} probe's port {tcp.Port.Value} is not a port of the container.");
                }
            }
            else if (probe.Exec is not { Command.Count: > 0 } || IsHubImage(container.Image))
            {
                problems.Add($"{where}: the {kind} probe does not ask the container's health endpoint.");
            }
        }
    }

    private static void CheckResources(string where, V1Container container, List<string> problems)
    {
        var requests = container.Resources?.Requests ?? new Dictionary<string, ResourceQuantity>();
        var limits = container.Resources?.Limits ?? new Dictionary<string, ResourceQuantity>();
        foreach (var (name, present) in new[] { ("CPU request", requests.ContainsKey("cpu")), ("memory request", requests.ContainsKey("memory")), ("memory limit", limits.ContainsKey("memory")) })
        {
            if (!present)
            {
                problems.Add($"{where}: no {name}.");
            }
        }

        if (requests.TryGetValue("memory", out var request) && limits.TryGetValue("memory", out var limit) && request.ToDecimal() > limit.ToDecimal())
        {
            problems.Add($"{where}: the memory request {request} is above its limit {limit}.");
        }
    }

    private static void CheckSecurity(string where, V1PodSecurityContext? pod, V1Container container, List<string> problems)
    {
        var own = container.SecurityContext;
        if ((own?.RunAsNonRoot ?? pod?.RunAsNonRoot) != true)
        {
            problems.Add($"{where}: runAsNonRoot is not true.");
        }

        if ((own?.RunAsUser ?? pod?.RunAsUser) is not > 0)
        {
            problems.Add($"{where}: no non-zero runAsUser.");
        }

        if (own?.ReadOnlyRootFilesystem != true)
        {
            problems.Add($"{where}: the root filesystem is writable.");
        }

        if (own?.AllowPrivilegeEscalation != false)
        {
            problems.Add($"{where}: allowPrivilegeEscalation is not false.");
        }

        if (own?.Capabilities?.Drop?.Contains("ALL") != true)
        {
            problems.Add($"{where}: does not drop all capabilities.");
        }
    }

    private static void CheckImage(string where, string image, List<string> problems)
    {
        if (image.Contains('@', StringComparison.Ordinal))
        {
            return;
        }

        var slash = image.LastIndexOf('/');
        var colon = image.LastIndexOf(':');
        if (colon <= slash)
        {
            problems.Add($"{where}: the image {image} has no tag.");
        }
        else if (string.Equals(image[(colon + 1)..], "latest", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{where}: the image {image} is tagged latest.");
        }
    }

    private static void CheckEnvironment(string where, V1Container container, Manifests manifests, IReadOnlyCollection<string> externalSecrets, List<string> problems)
    {
        var defined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var variable in container.Env ?? [])
        {
            // Kubernetes expands $(NAME) only from variables defined earlier in the list.
            foreach (Match reference in VariableReference().Matches(variable.Value ?? ""))
            {
                if (!defined.Contains(reference.Groups[1].Value))
                {
                    problems.Add($"{where}: {variable.Name} refers to $({reference.Groups[1].Value}), which is not defined before it.");
                }
            }

            if (variable.ValueFrom?.SecretKeyRef is { } secret)
            {
                CheckSecretKey(where, variable.Name, secret.Name, secret.Key, manifests, externalSecrets, problems);
            }

            defined.Add(variable.Name);
        }

        foreach (var source in container.EnvFrom ?? [])
        {
            if (source.SecretRef is { } secret && !externalSecrets.Contains(secret.Name) && !manifests.Secrets.Any(s => s.Metadata.Name == secret.Name))
            {
                problems.Add($"{where}: takes its environment from Secret {secret.Name}, which is neither in the manifests nor created by the operator.");
            }
        }
    }

    private static void CheckSecretKey(string where, string variable, string name, string key, Manifests manifests, IReadOnlyCollection<string> externalSecrets, List<string> problems)
    {
        if (externalSecrets.Contains(name))
        {
            return;
        }

        var secret = manifests.Secrets.FirstOrDefault(s => s.Metadata.Name == name);
        if (secret is null)
        {
            problems.Add($"{where}: {variable} comes from Secret {name}, which is neither in the manifests nor created by the operator.");
        }
        else if (secret.Data?.ContainsKey(key) != true && secret.StringData?.ContainsKey(key) != true)
        {
            problems.Add($"{where}: {variable} comes from key {key} of Secret {name}, which has no such key.");
        }
    }

    private static void CheckVolumes(string owner, V1PodSpec pod, Manifests manifests, IReadOnlyCollection<string> externalSecrets, List<string> problems)
    {
        foreach (var volume in pod.Volumes ?? [])
        {
            if (volume.Secret is { } secret && !externalSecrets.Contains(secret.SecretName) && !manifests.Secrets.Any(s => s.Metadata.Name == secret.SecretName))
            {
                problems.Add($"{owner}: volume {volume.Name} mounts Secret {secret.SecretName}, which is neither in the manifests nor created by the operator.");
            }
        }
    }

    private static void CheckShutdown(string where, V1PodSpec pod, V1Container container, List<string> problems)
    {
        var setting = container.Env?.FirstOrDefault(e => e.Name == "HostOptions__ShutdownTimeout");
        if (setting is null)
        {
            if (IsImage(container.Image, SiloImage) && container.Args?.FirstOrDefault() != "migrate")
            {
                problems.Add($"{where}: a silo without HostOptions__ShutdownTimeout; its grace period cannot be checked against it.");
            }

            return;
        }

        if (!TimeSpan.TryParse(setting.Value, CultureInfo.InvariantCulture, out var timeout))
        {
            problems.Add($"{where}: HostOptions__ShutdownTimeout '{setting.Value}' is not a time span.");
            return;
        }

        // Kubernetes' default grace period is 30 seconds.
        var grace = pod.TerminationGracePeriodSeconds ?? 30;
        if (grace <= timeout.TotalSeconds)
        {
            problems.Add($"{where}: terminationGracePeriodSeconds {grace} is not longer than HostOptions__ShutdownTimeout {timeout.TotalSeconds:0} s.");
        }
    }

    private static void CheckSelectors(Manifests manifests, List<string> problems)
    {
        foreach (var deployment in manifests.Deployments)
        {
            CheckSelector($"Deployment/{deployment.Metadata.Name}", deployment.Spec.Selector, deployment.Spec.Template, problems);
        }

        foreach (var set in manifests.StatefulSets)
        {
            CheckSelector($"StatefulSet/{set.Metadata.Name}", set.Spec.Selector, set.Spec.Template, problems);
            if (!manifests.Services.Any(s => s.Metadata.Name == set.Spec.ServiceName))
            {
                problems.Add($"StatefulSet/{set.Metadata.Name}: its serviceName {set.Spec.ServiceName} is not a Service.");
            }
        }

        var templates = manifests.PodTemplates.Where(t => !t.Owner.StartsWith("Job/", StringComparison.Ordinal)).ToList();
        foreach (var budget in manifests.DisruptionBudgets)
        {
            var selector = budget.Spec.Selector?.MatchLabels ?? new Dictionary<string, string>();
            if (selector.Count == 0 || !templates.Any(t => Selects(selector, t.Template.Metadata.Labels)))
            {
                problems.Add($"PodDisruptionBudget/{budget.Metadata.Name}: its selector matches no pod template.");
            }
        }

        foreach (var service in manifests.Services)
        {
            var selector = service.Spec.Selector ?? new Dictionary<string, string>();
            var selected = templates.Where(t => selector.Count > 0 && Selects(selector, t.Template.Metadata.Labels)).ToList();
            if (selected.Count == 0)
            {
                problems.Add($"Service/{service.Metadata.Name}: its selector matches no pod template.");
                continue;
            }

            foreach (var port in service.Spec.Ports ?? [])
            {
                var target = port.TargetPort ?? (IntOrString)port.Port;
                if (!selected.Any(t => t.Template.Spec.Containers.Any(c => PortExists(c.Ports ?? [], target))))
                {
                    problems.Add($"Service/{service.Metadata.Name}: port {port.Name} targets {target.Value}, which no selected container has.");
                }
            }
        }

        foreach (var ingress in manifests.Ingresses)
        {
            foreach (var path in ingress.Spec.Rules?.SelectMany(r => r.Http?.Paths ?? []) ?? [])
            {
                var backend = path.Backend.Service;
                var service = manifests.Services.FirstOrDefault(s => s.Metadata.Name == backend.Name);
                if (service is null || !(service.Spec.Ports ?? []).Any(p => p.Name == backend.Port.Name || p.Port == backend.Port.Number))
                {
                    problems.Add($"Ingress/{ingress.Metadata.Name}: {path.Path} goes to {backend.Name}:{backend.Port.Name ?? backend.Port.Number?.ToString(CultureInfo.InvariantCulture)}, which is not a Service port.");
                }
            }
        }
    }

    private static void CheckSelector(string owner, V1LabelSelector selector, V1PodTemplateSpec template, List<string> problems)
    {
        var labels = selector.MatchLabels ?? new Dictionary<string, string>();
        if (labels.Count == 0 || !Selects(labels, template.Metadata.Labels))
        {
            problems.Add($"{owner}: its selector does not match its pod template's labels.");
        }
    }

    private static void CheckSilos(Manifests manifests, List<string> problems)
    {
        var silos = manifests.Deployments.Concat<object>(manifests.StatefulSets)
            .Select(o => o switch
            {
                V1Deployment d => (Owner: $"Deployment/{d.Metadata.Name}", d.Spec.Template),
                V1StatefulSet s => (Owner: $"StatefulSet/{s.Metadata.Name}", s.Spec.Template),
                _ => throw new InvalidOperationException(),
            })
            .SelectMany(t => t.Template.Spec.Containers.Where(c => IsImage(c.Image, SiloImage)).Select(c => (t.Owner, t.Template, Container: c)))
            .ToList();
        if (silos.Count == 0)
        {
            problems.Add("No Deployment or StatefulSet runs the silo image.");
        }

        var ids = new HashSet<(string?, string?)>();
        foreach (var (owner, template, container) in silos)
        {
            var where = $"{owner} container {container.Name}";
            var env = (container.Env ?? []).ToDictionary(e => e.Name);
            CheckField(where, env, "POD_NAME", "metadata.name", problems);
            CheckField(where, env, "POD_IP", "status.podIP", problems);
            if (!env.TryGetValue("Hub__Orleans__AdvertisedAddress", out var advertised) || advertised.Value != "$(POD_IP)")
            {
                problems.Add($"{where}: Hub__Orleans__AdvertisedAddress is not $(POD_IP).");
            }

            IDictionary<string, string> labels = template.Metadata.Labels ?? new Dictionary<string, string>();
            foreach (var (label, setting) in new[] { ("orleans/serviceId", "Hub__Orleans__ServiceId"), ("orleans/clusterId", "Hub__Orleans__ClusterId") })
            {
                var value = env.GetValueOrDefault(setting)?.Value;
                if (string.IsNullOrEmpty(value))
                {
                    problems.Add($"{where}: no {setting}.");
                }
                else if (!labels.TryGetValue(label, out var labelled) || labelled != value)
                {
                    problems.Add($"{owner}: the pod label {label} is '{labelled}', not {setting} '{value}'.");
                }
            }

            ids.Add((env.GetValueOrDefault("Hub__Orleans__ServiceId")?.Value, env.GetValueOrDefault("Hub__Orleans__ClusterId")?.Value));
        }

        foreach (var (owner, template) in manifests.PodTemplates)
        {
            foreach (var container in template.Spec.Containers.Where(c => IsImage(c.Image, ApiImage)))
            {
                var env = (container.Env ?? []).ToDictionary(e => e.Name);
                var id = (env.GetValueOrDefault("Hub__Orleans__ServiceId")?.Value, env.GetValueOrDefault("Hub__Orleans__ClusterId")?.Value);
                if (!ids.Contains(id))
                {
                    problems.Add($"{owner} container {container.Name}: its service and cluster ids ({id.Item1}, {id.Item2}) are no silo's.");
                }
            }
        }
    }

    private static void CheckField(string where, IReadOnlyDictionary<string, V1EnvVar> env, string name, string field, List<string> problems)
    {
        if (env.GetValueOrDefault(name)?.ValueFrom?.FieldRef?.FieldPath != field)
        {
            problems.Add($"{where}: {name} does not come from the downward API's {field}.");
        }
    }

    private static bool Selects(IDictionary<string, string> selector, IDictionary<string, string>? labels) =>
        labels is not null && selector.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);

    private static bool PortExists(IEnumerable<V1ContainerPort> ports, IntOrString port) =>
        ports.Any(p => p.Name == port.Value || p.ContainerPort.ToString(CultureInfo.InvariantCulture) == port.Value);

    private static bool IsHubImage(string image) => IsImage(image, SiloImage) || IsImage(image, ApiImage);

    /// <summary>Whether <paramref name="image"/> is <paramref name="name"/>, from whichever registry an overlay chose.</summary>
    private static bool IsImage(string image, string name)
    {
        var actual = ImageName(image);
        return actual == name || actual.EndsWith("/" + name, StringComparison.Ordinal);
    }

    /// <summary>The image without its tag or digest.</summary>
    private static string ImageName(string image)
    {
        var at = image.IndexOf('@', StringComparison.Ordinal);
        var name = at >= 0 ? image[..at] : image;
        var colon = name.LastIndexOf(':');
        return colon > name.LastIndexOf('/') ? name[..colon] : name;
    }

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex VariableReference();
}
