namespace OurSociety.Federation.Feeds;

/// <summary>Who may see an activity. The owner chooses; nothing widens it without the owner.</summary>
[GenerateSerializer, Alias("Visibility")]
public enum Visibility
{
    /// <summary>Only the network it was posted in.</summary>
    Network,

    /// <summary>Also networks linked to it that accept this kind.</summary>
    Linked,

    /// <summary>Anyone, and it may be counted in national statistics.</summary>
    Public,
}
