namespace OurSociety.Federation.Networks.Links;

/// <summary>
/// One network telling another its side of their link, and which version of the other's side it has heard (so the
/// receiver knows its own statement arrived). Sending it again, late or out of order is harmless.
/// </summary>
/// <param name="From">The sending network's slug.</param>
/// <param name="Epoch">Which link between the two this is about: a new proposal after an end starts the next epoch.</param>
/// <param name="ProposedBy">The slug of the network that proposed this epoch's link.</param>
/// <param name="Side">The sender's statement.</param>
/// <param name="Heard">The newest version of the receiver's statement the sender holds.</param>
[GenerateSerializer, Immutable, Alias("LinkMessage")]
public sealed record LinkMessage(
    [property: Id(0)] string From,
    [property: Id(1)] int Epoch,
    [property: Id(2)] string ProposedBy,
    [property: Id(3)] LinkSide Side,
    [property: Id(4)] int Heard);
