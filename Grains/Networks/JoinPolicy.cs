namespace OurSociety.Federation.Networks;

/// <summary>How a network takes in organisations that ask to join.</summary>
[GenerateSerializer, Alias("JoinPolicy")]
public enum JoinPolicy
{
    /// <summary>A coordinator approves or declines each request (the default).</summary>
    Approval = 0,

    /// <summary>Every request is approved at once.</summary>
    Automatic = 1,
}
