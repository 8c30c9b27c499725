using OurSociety.Federation.Access;
using OurSociety.Federation.Common;
using OurSociety.Federation.Feeds;
using OurSociety.Federation.Networks;
using OurSociety.Federation.Organisations;

namespace OurSociety.Federation.Bench;

/// <summary>Networks, member organisations and activities, made through the grains as any client would.</summary>
public static class Seed
{
    public static readonly string Body = string.Concat(Enumerable.Repeat("Volunteers met at the community hall to plan the winter food bank. ", 3));

    public static readonly string[] Themes = ["food", "housing"];

    /// <summary>Creates network <paramref name="slug"/> with <paramref name="members"/> new member organisations; returns their ids.</summary>
    public static async Task<string[]> NetworkAsync(IGrainFactory grains, string slug, int members)
    {
        await grains.GetNetwork(slug).CreateAsync(Admin, new CreateNetwork($"Bench {slug}", "North East", null, [$"coordinator@{slug}"], null, JoinPolicy.Automatic));
        var ids = Enumerable.Range(0, members).Select(_ => HubIds.OrganisationPrefix + Ulid.NewUlid()).ToArray();
        await Task.WhenAll(ids.Select(async (id, i) =>
        {
            await grains.GetOrganisation(id).RegisterAsync(PersonOf(id, registering: true), new RegisterOrganisation($"Bench org {slug} {i}", "CHARITY", null, null, null, null, null, null));
            await grains.GetOrganisation(id).JoinNetworkAsync(PersonOf(id), slug, null);
        }));
        return ids;
    }

    /// <summary>The hub admin who creates the benchmark's networks.</summary>
    public static Caller Admin { get; } = new("bench-admin", HubRoles.Admin, []);

    /// <summary>The one person who acts for organisation <paramref name="id"/>, as the API would present them after sign-in.</summary>
    public static Caller PersonOf(string id, bool registering = false) => new($"person@{id}", HubRoles.None, registering ? [] : [id]);

    public static Task<Activity> PostAsync(IGrainFactory grains, string slug, string author, long n) =>
        grains.GetNetwork(slug).PostAsync(
            PersonOf(author),
            author,
            new PostActivity(ActivityKind.Story, $"Winter food bank, update {n}", Body, Themes, null, null, Visibility.Public, null));

    /// <summary>Posts <paramref name="count"/> activities into one network, <paramref name="inFlight"/> at a time; returns posts per second.</summary>
    public static async Task<(double Seconds, double PerSecond)> ActivitiesAsync(IGrainFactory grains, string slug, string[] authors, int count, int inFlight) =>
        await Load.CountAsync(count, inFlight, n => PostAsync(grains, slug, authors[n % authors.Length], n), TimeSpan.FromMinutes(20));
}
