using GraphQL.Types;
using OurSociety.Federation.Api.Common;
using OurSociety.Federation.Api.Networks;
using OurSociety.Federation.Networks;

namespace OurSociety.Federation.Api.National;

/// <summary>A network's say on national statistics.</summary>
public static class NationalMutations
{
    public static void AddNationalMutations(this ObjectGraphType mutation) =>
        mutation.NetworkChange<SetNationalStatisticsPayloadType, SetNationalStatisticsInputType, NetworkProfile>(
            "setNationalStatistics",
            "Opts the network in to national statistics (its non-public activity posted from now on, its introductions and wants met are counted for national viewers, never shown to anyone else) or out (counting stops and what it counted is withdrawn). For its coordinators; recorded in the audit trail.",
            (network, caller, input) => network.SetNationalStatisticsAsync(caller, input.GetValue<bool>("optIn") ?? false));
}

/// <summary>The input of setNationalStatistics.</summary>
public sealed class SetNationalStatisticsInputType : InputObjectGraphType
{
    public SetNationalStatisticsInputType()
    {
        Name = "SetNationalStatisticsInput";
        Description = "A coordinator's say on whether the network counts in national statistics beyond its public activity.";
        Field<NonNullGraphType<StringGraphType>>("networkSlug").Description("The network's slug.");
        Field<NonNullGraphType<BooleanGraphType>>("optIn").Description("True to opt in, false to opt out.");
    }
}

/// <summary>The result of setNationalStatistics.</summary>
public sealed class SetNationalStatisticsPayloadType() : PayloadGraphType<NetworkType, NetworkProfile>(
    "SetNationalStatisticsPayload", "network", "The result of setNationalStatistics: the network as it now is, or why nothing changed.");
