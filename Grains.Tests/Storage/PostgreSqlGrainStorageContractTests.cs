namespace OurSociety.Federation.Grains.Tests.Storage;

/// <summary>The storage contract on PostgreSQL through Orleans' ADO.NET provider and the hub's scripts.</summary>
[RequiresPostgreSql]
public sealed class PostgreSqlGrainStorageContractTests(PostgreSqlBackend backend) : GrainStorageContractTests<PostgreSqlBackend>(backend)
{
    // Orleans' ADO.NET storage keys a row by state name + key only (dotnet/orleans#8746) and reads all-hex string keys
    // as integers (dotnet/orleans#9706). Hub state names are unique per grain class and hub keys are prefixed.
    protected override bool GrainTypeIsPartOfTheKey => false;

    protected override bool HexLookingKeysShareARow => true;
}
