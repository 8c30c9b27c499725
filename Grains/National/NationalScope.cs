namespace OurSociety.Federation.National;

/// <summary>What a national answer counts.</summary>
public enum NationalScope
{
    /// <summary>Public activity only: what anyone may read.</summary>
    Public = 0,

    /// <summary>Public activity plus what networks that opted in to national statistics let national viewers count.</summary>
    Consented = 1,
}
