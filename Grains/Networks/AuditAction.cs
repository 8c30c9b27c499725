namespace OurSociety.Federation.Networks;

/// <summary>What happened, in a network's audit trail. Values are appended, never renumbered.</summary>
[GenerateSerializer, Alias("AuditAction")]
public enum AuditAction
{
    NetworkCreated = 0,
    ProfileChanged = 1,
    CoordinatorAdded = 2,
    CoordinatorRemoved = 3,
    JoinRequested = 4,
    JoinApproved = 5,
    JoinDeclined = 6,
    JoinWithdrawn = 7,
    MemberJoined = 8,
    MemberLeft = 9,
    MemberRemoved = 10,
    LinkProposed = 11,
    LinkAccepted = 12,
    LinkSuspended = 13,
    LinkResumed = 14,
    LinkEnded = 15,
    LinkSharingChanged = 16,
    NationalStatisticsChanged = 17,
}
