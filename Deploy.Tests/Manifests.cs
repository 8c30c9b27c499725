using k8s;
using k8s.Models;

namespace OurSociety.Federation.Deploy.Tests;

/// <summary>Every object of a rendered kustomization, read strictly into the official Kubernetes models.</summary>
public sealed class Manifests
{
    private Manifests(IReadOnlyList<object> objects) => Objects = objects;

    public IReadOnlyList<object> Objects { get; }

    public IEnumerable<V1Deployment> Deployments => Objects.OfType<V1Deployment>();

    public IEnumerable<V1StatefulSet> StatefulSets => Objects.OfType<V1StatefulSet>();

    public IEnumerable<V1Job> Jobs => Objects.OfType<V1Job>();

    public IEnumerable<V1Service> Services => Objects.OfType<V1Service>();

    public IEnumerable<V1PodDisruptionBudget> DisruptionBudgets => Objects.OfType<V1PodDisruptionBudget>();

    public IEnumerable<V1Secret> Secrets => Objects.OfType<V1Secret>();

    public IEnumerable<V1Ingress> Ingresses => Objects.OfType<V1Ingress>();

    /// <summary>Every pod template with the kind and name of the object that owns it.</summary>
    public IEnumerable<(string Owner, V1PodTemplateSpec Template)> PodTemplates =>
        Deployments.Select(d => ($"Deployment/{d.Metadata.Name}", d.Spec.Template))
            .Concat(StatefulSets.Select(s => ($"StatefulSet/{s.Metadata.Name}", s.Spec.Template)))
            .Concat(Jobs.Select(j => ($"Job/{j.Metadata.Name}", j.Spec.Template)));

    /// <summary>
    /// Reads multi-document YAML. Strict: a field the Kubernetes models do not know (a typo, a field at the wrong
    /// level) fails here rather than being dropped, and a kind the models do not know fails as well.
    /// </summary>
    public static Manifests Parse(string yaml)
    {
        var objects = KubernetesYaml.LoadAllFromString(yaml, strict: true);
        foreach (var item in objects)
        {
            if (item is not IKubernetesObject<V1ObjectMeta> { Metadata.Name.Length: > 0 })
            {
                throw new InvalidOperationException($"A rendered object has no name or is not a Kubernetes object: {item?.GetType().Name ?? "null"}.");
            }
        }

        return new Manifests(objects.ToList());
    }

    public static Manifests Render(string folder) => Parse(Kustomize.Render(folder));
}
