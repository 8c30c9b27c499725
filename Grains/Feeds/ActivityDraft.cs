using OurSociety.Federation.Common;

namespace OurSociety.Federation.Feeds;

/// <summary>A validated post on its way into a feed; the feed gives it an id, a position and a time.</summary>
[GenerateSerializer, Immutable, Alias("ActivityDraft")]
public sealed record ActivityDraft(
    [property: Id(0)] string AuthorId,
    [property: Id(1)] ActivityKind Kind,
    [property: Id(2)] string Title,
    [property: Id(3)] string Body,
    [property: Id(4)] IReadOnlyList<string> Themes,
    [property: Id(5)] IReadOnlyList<string> Labels,
    [property: Id(6)] Place? Place,
    [property: Id(7)] Visibility Visibility,
    [property: Id(8)] string? ClientRequestId)
{
    /// <summary>Validates <paramref name="post"/> by <paramref name="authorId"/>, throwing a coded error for the first fault.</summary>
    public static ActivityDraft From(string authorId, PostActivity post) => new(
        authorId,
        Enum.IsDefined(post.Kind) ? post.Kind : throw new HubException(ErrorCodes.InvalidValue, "Unknown activity kind.", "kind"),
        Input.Text(post.Title, Input.MaxTitleLength, "A title", "title"),
        Input.OptionalText(post.Body, Input.MaxBodyLength, "A body", "body") ?? string.Empty,
        Input.Tags(post.Themes, "themes", "themes"),
        Input.Tags(post.Labels, "labels", "labels"),
        Input.Place(post.Place, "place"),
        Enum.IsDefined(post.Visibility) ? post.Visibility : throw new HubException(ErrorCodes.InvalidValue, "Unknown visibility.", "visibility"),
        Input.RequestId(post.ClientRequestId, "clientRequestId"));

    /// <summary>Whether <paramref name="activity"/> is what this draft would have made (a retry with the same request id).</summary>
    public bool Matches(Activity activity) =>
        activity.AuthorId == AuthorId && activity.Kind == Kind && activity.Title == Title && activity.Body == Body
        && activity.Visibility == Visibility;
}
