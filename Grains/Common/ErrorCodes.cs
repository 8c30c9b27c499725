namespace OurSociety.Federation.Common;

/// <summary>
/// Stable codes for domain failures. Clients branch on these, so a code is never renamed or reused;
/// the message beside it is for people and may change.
/// </summary>
public static class ErrorCodes
{
    public const string Required = "REQUIRED";
    public const string TooLong = "TOO_LONG";
    public const string TooMany = "TOO_MANY";
    public const string InvalidValue = "INVALID_VALUE";
    public const string SlugInvalid = "SLUG_INVALID";
    public const string SlugTaken = "SLUG_TAKEN";
    public const string RegionInvalid = "REGION_INVALID";
    public const string OrganisationKindInvalid = "ORGANISATION_KIND_INVALID";
    public const string OrgIdInvalid = "ORG_ID_INVALID";
    public const string PlaceInvalid = "PLACE_INVALID";
    public const string RadiusInvalid = "RADIUS_INVALID";
    public const string EmailInvalid = "EMAIL_INVALID";
    public const string IdInvalid = "ID_INVALID";
    public const string CursorInvalid = "CURSOR_INVALID";
    public const string PageSizeInvalid = "PAGE_SIZE_INVALID";
    public const string NetworkNotFound = "NETWORK_NOT_FOUND";
    public const string OrganisationNotFound = "ORGANISATION_NOT_FOUND";
    public const string NotAMember = "NOT_A_MEMBER";
    public const string MemberLimitReached = "MEMBER_LIMIT_REACHED";
    public const string MembershipLimitReached = "MEMBERSHIP_LIMIT_REACHED";
    public const string NetworkLimitReached = "NETWORK_LIMIT_REACHED";
    public const string RequestIdInvalid = "REQUEST_ID_INVALID";
    public const string RequestIdReused = "REQUEST_ID_REUSED";
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Forbidden = "FORBIDDEN";
    public const string JoinRequestNotFound = "JOIN_REQUEST_NOT_FOUND";
    public const string CoordinatorNotFound = "COORDINATOR_NOT_FOUND";
    public const string LastCoordinator = "LAST_COORDINATOR";
    public const string PersonNotFound = "PERSON_NOT_FOUND";
    public const string LastPerson = "LAST_PERSON";
    public const string Unavailable = "UNAVAILABLE";
    public const string LinkSelf = "LINK_SELF";
    public const string LinkExists = "LINK_EXISTS";
    public const string LinkNotFound = "LINK_NOT_FOUND";
    public const string LinkNotProposed = "LINK_NOT_PROPOSED";
    public const string LinkNotActive = "LINK_NOT_ACTIVE";
    public const string LinkLimitReached = "LINK_LIMIT_REACHED";
    public const string ActivityNotFound = "ACTIVITY_NOT_FOUND";
    public const string IntroductionNotFound = "INTRODUCTION_NOT_FOUND";
    public const string IntroductionSelf = "INTRODUCTION_SELF";
    public const string IntroductionClosed = "INTRODUCTION_CLOSED";
    public const string IntroductionNotConnected = "INTRODUCTION_NOT_CONNECTED";
    public const string AlreadyAnswered = "ALREADY_ANSWERED";
    public const string OptedOut = "OPTED_OUT";
    public const string LinkRequired = "LINK_REQUIRED";
    public const string MatchNotFound = "MATCH_NOT_FOUND";
    public const string RangeInvalid = "RANGE_INVALID";
    public const string RangeTooLong = "RANGE_TOO_LONG";
    public const string DateInvalid = "DATE_INVALID";
    public const string DimensionInvalid = "DIMENSION_INVALID";
}
