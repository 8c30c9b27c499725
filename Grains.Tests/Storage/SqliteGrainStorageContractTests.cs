namespace OurSociety.Federation.Grains.Tests.Storage;

/// <summary>The storage contract on the embedded SQLite store.</summary>
public sealed class SqliteGrainStorageContractTests(SqliteBackend backend) : GrainStorageContractTests<SqliteBackend>(backend)
{
    // Rows are keyed by (state name, GrainId text): the grain type is in the key and keys are never parsed.
    protected override bool GrainTypeIsPartOfTheKey => true;

    protected override bool HexLookingKeysShareARow => false;
}
