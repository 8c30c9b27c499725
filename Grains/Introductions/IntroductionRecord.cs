namespace OurSociety.Federation.Introductions;

/// <summary>What an <see cref="IntroductionGrain"/> persists: one introduction, bounded in size whatever happens to it.</summary>
[GenerateSerializer, Alias("IntroductionRecord")]
public sealed class IntroductionRecord
{
    /// <summary>What was asked; null until the introduction exists.</summary>
    [Id(0)]
    public RequestIntroduction? Request { get; set; }

    /// <summary>The subject who asked, so a retry by the same person returns the introduction.</summary>
    [Id(1)]
    public string RequestedBy { get; set; } = string.Empty;

    /// <summary>The organisation that asked to be introduced (and so said yes by asking); null when a broker asked.</summary>
    [Id(2)]
    public string? Asker { get; set; }

    /// <summary>The network through which <see cref="RequestIntroduction.A"/> is introduced.</summary>
    [Id(3)]
    public string ANetwork { get; set; } = string.Empty;

    /// <summary>The network through which <see cref="RequestIntroduction.B"/> is introduced.</summary>
    [Id(4)]
    public string BNetwork { get; set; } = string.Empty;

    [Id(5)]
    public IntroductionState State { get; set; }

    [Id(6)]
    public IntroductionAnswer AAnswer { get; set; }

    [Id(7)]
    public IntroductionAnswer BAnswer { get; set; }

    [Id(8)]
    public DateTimeOffset RequestedAt { get; set; }

    [Id(9)]
    public DateTimeOffset ExpiresAt { get; set; }

    [Id(10)]
    public DateTimeOffset? RemindedAt { get; set; }

    [Id(11)]
    public DateTimeOffset? ConnectedAt { get; set; }

    [Id(12)]
    public DateTimeOffset? ClosedAt { get; set; }

    [Id(13)]
    public DateTimeOffset? CheckInAskedAt { get; set; }

    /// <summary>Each party's answer to "did you meet?"; null until it answers.</summary>
    [Id(14)]
    public bool? AMet { get; set; }

    [Id(15)]
    public bool? BMet { get; set; }

    /// <summary>Rises with every change; recipients keep the newest version they have heard.</summary>
    [Id(16)]
    public long Version { get; set; }

    /// <summary>The version each recipient has confirmed. Written with the next change; a stale value only means a repeat.</summary>
    [Id(17)]
    public Dictionary<string, long> Delivered { get; set; } = [];

    /// <summary>When the grain's reminder is next due (null when it has none): a later change only moves it earlier.</summary>
    [Id(18)]
    public DateTimeOffset? ReminderDue { get; set; }

    /// <summary>The client request id each party answered with, if any: the same id again is a retry of that answer.</summary>
    [Id(19)]
    public string? AAnswerRequestId { get; set; }

    [Id(20)]
    public string? BAnswerRequestId { get; set; }

    /// <summary>The network the introduction counts for: its broker, or else the asker's network.</summary>
    public string Home => Request?.BrokerNetwork ?? (Asker == Request?.B ? BNetwork : ANetwork);

    /// <summary>Whether either party said they met.</summary>
    public bool? Met => AMet == true || BMet == true ? true : AMet is null && BMet is null ? null : false;
}
