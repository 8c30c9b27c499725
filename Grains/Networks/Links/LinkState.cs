namespace OurSociety.Federation.Networks.Links;

/// <summary>Where a link between two networks stands, as both sides see it once their messages have arrived.</summary>
[GenerateSerializer, Alias("LinkState")]
public enum LinkState
{
    /// <summary>One side has proposed it; the other has not accepted yet. Nothing is shared.</summary>
    Proposed,

    /// <summary>Both sides consented and neither has suspended it: each shares the kinds it chose.</summary>
    Active,

    /// <summary>One side (or both) has suspended it: nothing is shared until that side resumes.</summary>
    Suspended,

    /// <summary>One side has ended it: nothing is shared; either may propose a new link later.</summary>
    Ended,
}
