using OurSociety.Federation.Introductions;

namespace OurSociety.Federation.National;

/// <summary>One network's part of one week's national counts, as a week grain keeps it.</summary>
[GenerateSerializer, Alias("NetworkWeek")]
public sealed class NetworkWeek
{
    [Id(0)]
    public string Region { get; set; } = "";

    /// <summary>The newest batch of the network applied here; older or equal ones are ignored.</summary>
    [Id(1)]
    public long LastSeq { get; set; }

    /// <summary>Its public activity: counted for everyone.</summary>
    [Id(2)]
    public ActivityCounts Public { get; set; } = new();

    /// <summary>The opt-in under which <see cref="Consented"/> was counted.</summary>
    [Id(3)]
    public long Epoch { get; set; }

    /// <summary>Every opt-in up to this one was withdrawn: what it counted is gone and stays gone.</summary>
    [Id(4)]
    public long WithdrawnEpoch { get; set; }

    /// <summary>Its non-public activity, counted because it opted in; dropped when it opts out.</summary>
    [Id(5)]
    public ActivityCounts Consented { get; set; } = new();

    [Id(6)]
    public IntroductionCounts Introductions { get; set; } = IntroductionCounts.None;

    [Id(7)]
    public int WantsMet { get; set; }

    /// <summary>Organisations that joined the network in the week: public, as membership lists are.</summary>
    [Id(8)]
    public long Joined { get; set; }

    /// <summary>Adds a batch newer than any applied; false if it was applied already.</summary>
    public bool Apply(NationalBatch batch)
    {
        if (batch.Seq <= LastSeq)
        {
            return false;
        }

        LastSeq = batch.Seq;
        Region = batch.Region;
        Public.Add(batch.Public);
        Joined += batch.Joined;
        if (batch.Epoch > WithdrawnEpoch && (batch.Consented is not null || batch.Introductions is not null || batch.WantsMet != 0))
        {
            if (batch.Epoch != Epoch)
            {
                Withdraw(Epoch);
                Epoch = batch.Epoch;
            }

            if (batch.Consented is { } consented)
            {
                Consented.Add(consented);
            }

            Introductions = Introductions.Plus(batch.Introductions ?? IntroductionCounts.None);
            WantsMet += batch.WantsMet;
        }

        return true;
    }

    /// <summary>Drops what opt-ins up to <paramref name="epoch"/> counted, and refuses it from then on.</summary>
    public void Withdraw(long epoch)
    {
        WithdrawnEpoch = Math.Max(WithdrawnEpoch, epoch);
        if (Epoch <= WithdrawnEpoch)
        {
            Consented = new();
            Introductions = IntroductionCounts.None;
            WantsMet = 0;
        }
    }
}
