using System.Text.RegularExpressions;

namespace OurSociety.Federation.Common;

/// <summary>
/// Input rules shared by every grain. Each check throws a <see cref="HubException"/> naming the field,
/// and grains run them all before touching state.
/// </summary>
public static partial class Input
{
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 20_000;
    public const int MaxNameLength = 200;
    public const int MaxCharterLength = 20_000;
    public const int MaxTags = 20;
    public const int MaxTagLength = 50;
    public const int MaxPlaces = 20;
    public const int MaxRequestIdLength = 100;
    public const int MaxMessageLength = 2_000;

    /// <summary>A network slug: lower-case letters, digits and hyphens, 3 to 64 long, not starting or ending with a hyphen.</summary>
    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{1,62})[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    /// <summary>An org-id.guide identifier: a list code (jurisdiction and register, e.g. <c>GB-CHC</c>) and the id in that register.</summary>
    [GeneratedRegex("^[A-Z]{2}-[A-Z0-9]{2,12}-[A-Za-z0-9][A-Za-z0-9./-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex OrgIdPattern();

    [GeneratedRegex(@"^[^@\s]{1,64}@[^@\s]{1,255}\.[^@\s]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex RequestIdPattern();

    public static string Slug(string? slug, params string[] field)
    {
        if (string.IsNullOrEmpty(slug))
        {
            throw new HubException(ErrorCodes.Required, "A slug is required.", field);
        }

        if (!SlugPattern().IsMatch(slug) || slug.Contains("--", StringComparison.Ordinal))
        {
            throw new HubException(
                ErrorCodes.SlugInvalid,
                "A slug is 3 to 64 lower-case letters, digits and single hyphens, starting and ending with a letter or digit, e.g. big-society-north.",
                field);
        }

        return slug;
    }

    /// <summary>Whether <paramref name="slug"/> could name a network (no exception; for lookups).</summary>
    public static bool IsSlug(string? slug) => slug is not null && SlugPattern().IsMatch(slug) && !slug.Contains("--", StringComparison.Ordinal);

    public static string Text(string? value, int maxLength, string what, params string[] field)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new HubException(ErrorCodes.Required, $"{what} is required.", field);
        }

        return MaxLength(trimmed, maxLength, what, field);
    }

    /// <summary>A person's or service's subject, as their token issuer names them: kept exactly as given, up to 200 characters.</summary>
    public static string Subject(string? subject, params string[] field) => Text(subject, MaxNameLength, "A subject", field);

    public static string? OptionalText(string? value, int maxLength, string what, params string[] field)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : MaxLength(trimmed, maxLength, what, field);
    }

    private static string MaxLength(string value, int maxLength, string what, string[] field) =>
        value.Length <= maxLength
            ? value
            : throw new HubException(ErrorCodes.TooLong, $"{what} is {value.Length} characters; at most {maxLength} are allowed.", field);

    /// <summary>Themes and labels: trimmed, lower-cased, de-duplicated, at most <see cref="MaxTags"/> of at most <see cref="MaxTagLength"/> characters.</summary>
    public static IReadOnlyList<string> Tags(IEnumerable<string>? tags, string what, params string[] field)
    {
        if (tags is null)
        {
            return [];
        }

        var result = new List<string>();
        foreach (var raw in tags)
        {
            var tag = raw?.Trim().ToLowerInvariant();
            if (string.IsNullOrEmpty(tag))
            {
                throw new HubException(ErrorCodes.Required, $"Each of the {what} must have some text.", field);
            }

            if (tag.Length > MaxTagLength)
            {
                throw new HubException(ErrorCodes.TooLong, $"Each of the {what} has at most {MaxTagLength} characters.", field);
            }

            if (!result.Contains(tag, StringComparer.Ordinal))
            {
                result.Add(tag);
            }
        }

        return result.Count <= MaxTags
            ? result.ToArray()
            : throw new HubException(ErrorCodes.TooMany, $"At most {MaxTags} {what} are allowed; {result.Count} were given.", field);
    }

    public static Place? Place(Place? place, params string[] field)
    {
        if (place is null)
        {
            return null;
        }

        if (place.Lat.HasValue != place.Lon.HasValue)
        {
            throw new HubException(ErrorCodes.PlaceInvalid, "A place's point needs both lat and lon.", field);
        }

        if (place.Lat is { } lat && (double.IsNaN(lat) || lat is < -90 or > 90))
        {
            throw new HubException(ErrorCodes.PlaceInvalid, "Latitude must be between -90 and 90.", field);
        }

        if (place.Lon is { } lon && (double.IsNaN(lon) || lon is < -180 or > 180))
        {
            throw new HubException(ErrorCodes.PlaceInvalid, "Longitude must be between -180 and 180.", field);
        }

        var name = OptionalText(place.Name, MaxNameLength, "A place's name", field);
        var district = OptionalText(place.PostcodeDistrict, 8, "A postcode district", field)?.ToUpperInvariant();
        if (name is null && district is null && !place.HasPoint)
        {
            throw new HubException(ErrorCodes.PlaceInvalid, "A place needs a name, a point or a postcode district.", field);
        }

        return new Place(name, place.Lat, place.Lon, district);
    }

    public static string? OrgId(string? orgId, params string[] field)
    {
        var trimmed = orgId?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        var dash = trimmed.IndexOf('-', StringComparison.Ordinal);
        var second = dash < 0 ? -1 : trimmed.IndexOf('-', dash + 1);
        var normalised = second < 0 ? trimmed : trimmed[..second].ToUpperInvariant() + trimmed[second..];
        return OrgIdPattern().IsMatch(normalised)
            ? normalised
            : throw new HubException(
                ErrorCodes.OrgIdInvalid,
                "A register identifier is in org-id form: a list code and the identifier in that register, e.g. GB-CHC-1234567 or GB-COH-01234567.",
                field);
    }

    public static string? Email(string? email, params string[] field)
    {
        var trimmed = OptionalText(email, 320, "An e-mail address", field);
        return trimmed is null || EmailPattern().IsMatch(trimmed)
            ? trimmed
            : throw new HubException(ErrorCodes.EmailInvalid, "That does not look like an e-mail address.", field);
    }

    /// <summary>A client-chosen request id that makes a retried mutation take effect once.</summary>
    public static string? RequestId(string? requestId, params string[] field)
    {
        if (string.IsNullOrEmpty(requestId))
        {
            return null;
        }

        return RequestIdPattern().IsMatch(requestId)
            ? requestId
            : throw new HubException(
                ErrorCodes.RequestIdInvalid,
                $"A client request id is 1 to {MaxRequestIdLength} letters, digits, '.', '_', ':' or '-' (a UUID works).",
                field);
    }

    public static int PageSize(int first, int max, params string[] field) =>
        first >= 0 && first <= max
            ? first
            : throw new HubException(ErrorCodes.PageSizeInvalid, $"'first' must be between 0 and {max}.", field);
}
