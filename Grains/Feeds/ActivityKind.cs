namespace OurSociety.Federation.Feeds;

/// <summary>What an item in a feed is.</summary>
[GenerateSerializer, Alias("ActivityKind")]
public enum ActivityKind
{
    /// <summary>Something that happened and is worth telling.</summary>
    Story,

    /// <summary>Something an organisation needs.</summary>
    Want,

    /// <summary>Something an organisation can give.</summary>
    Offer,

    /// <summary>A gathering, online or offline.</summary>
    Event,

    /// <summary>An idea or example others may take up.</summary>
    Inspiration,

    /// <summary>A discussion opened to others.</summary>
    Conversation,

    /// <summary>What an event concluded: notes, who came, what will happen next.</summary>
    Outcome,
}
