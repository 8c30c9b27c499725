namespace OurSociety.Federation.Introductions;

/// <summary>Where an introduction stands. Values are appended, never renumbered.</summary>
[GenerateSerializer, Alias("IntroductionState")]
public enum IntroductionState
{
    /// <summary>Asked for; neither organisation has answered.</summary>
    Requested = 0,

    /// <summary>One organisation has said yes; the other has not answered.</summary>
    AcceptedByOne = 1,

    /// <summary>Both said yes: each may now see the other's contact details.</summary>
    Connected = 2,

    /// <summary>Not taken forward: one of them said no (the other side is never told which).</summary>
    Declined = 3,

    /// <summary>Not answered in time.</summary>
    Expired = 4,

    /// <summary>Withdrawn by whoever asked for it.</summary>
    Withdrawn = 5,
}

/// <summary>One organisation's answer to an introduction. Values are appended, never renumbered.</summary>
[GenerateSerializer, Alias("IntroductionAnswer")]
public enum IntroductionAnswer
{
    /// <summary>Not answered yet.</summary>
    None = 0,

    /// <summary>Said yes.</summary>
    Accepted = 1,

    /// <summary>Said no.</summary>
    Declined = 2,
}

/// <summary>Why a reader may see an introduction, which decides what it is shown. Values are appended, never renumbered.</summary>
[GenerateSerializer, Alias("IntroductionRole")]
public enum IntroductionRole
{
    /// <summary>The reader acts for one of the two organisations.</summary>
    Party = 0,

    /// <summary>The reader coordinates the network that brokered it: it learns how it went, never anyone's details.</summary>
    Broker = 1,
}

public static class IntroductionStateExtensions
{
    /// <summary>Whether the introduction still waits for answers.</summary>
    public static bool IsOpen(this IntroductionState state) => state is IntroductionState.Requested or IntroductionState.AcceptedByOne;
}
