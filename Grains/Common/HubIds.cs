namespace OurSociety.Federation.Common;

/// <summary>
/// The one place ids come from. Ids are ULIDs (time-ordered, 26 characters of Crockford base32) behind a
/// readable prefix; the prefix also keeps every grain key from being all-hex, which Orleans' ADO.NET
/// storage would otherwise read as an integer key.
/// </summary>
public sealed class HubIds(TimeProvider time)
{
    public const string OrganisationPrefix = "org_";

    public string NewOrganisationId() => OrganisationPrefix + System.Ulid.NewUlid(time.GetUtcNow()).ToString();

    public const string IntroductionPrefix = "intro_";

    public string NewIntroductionId() => IntroductionPrefix + System.Ulid.NewUlid(time.GetUtcNow()).ToString();

    public string NewActivityId(DateTimeOffset at) => System.Ulid.NewUlid(at).ToString();

    /// <summary>Whether <paramref name="id"/> has the shape of an organisation id (no grain is touched).</summary>
    public static bool IsOrganisationId(string? id) =>
        id is { Length: 30 } && id.StartsWith(OrganisationPrefix, StringComparison.Ordinal) && System.Ulid.TryParse(id.AsSpan(4), out _);

    /// <summary>Whether <paramref name="id"/> has the shape of an introduction id (no grain is touched).</summary>
    public static bool IsIntroductionId(string? id) =>
        id is { Length: 32 } && id.StartsWith(IntroductionPrefix, StringComparison.Ordinal) && System.Ulid.TryParse(id.AsSpan(6), out _);
}
