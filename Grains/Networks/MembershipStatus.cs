namespace OurSociety.Federation.Networks;

/// <summary>Where an organisation stands with a network.</summary>
[GenerateSerializer, Alias("MembershipStatus")]
public enum MembershipStatus
{
    /// <summary>Neither a member nor asking to be one.</summary>
    None = 0,

    /// <summary>Asked to join; waiting for a coordinator.</summary>
    Pending = 1,

    /// <summary>A member: may post and sees what members see.</summary>
    Member = 2,
}
