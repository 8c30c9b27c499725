using System.ComponentModel.DataAnnotations;

namespace OurSociety.Federation.Storage;

/// <summary>Which durable store holds grain state: the embedded file database or PostgreSQL.</summary>
public enum StorageProvider
{
    /// <summary>A local SQLite file in <see cref="HubStorageOptions.DataDirectory"/>; nothing to install.</summary>
    Sqlite,

    /// <summary>PostgreSQL through Orleans' ADO.NET grain storage, with the hub's own schema scripts.</summary>
    PostgreSql,
}

/// <summary>Bound from the <c>Hub:Storage</c> configuration section and validated at start.</summary>
public sealed class HubStorageOptions : IValidatableObject
{
    public const string Section = "Hub:Storage";

    /// <summary>The backend; <see cref="StorageProvider.Sqlite"/> unless configured.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Where the embedded database lives (created if missing). Relative paths are resolved from the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The Npgsql connection string, required when <see cref="Provider"/> is PostgreSQL.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply the hub's idempotent PostgreSQL schema scripts at start (otherwise run the <c>migrate</c> command first).</summary>
    public bool ApplySchemaAtStart { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == StorageProvider.PostgreSql && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "Hub:Storage:ConnectionString is required when Hub:Storage:Provider is PostgreSql (for example Host=127.0.0.1;Username=hub;Password=…;Database=hub).",
                [nameof(ConnectionString)]);
        }

        if (Provider == StorageProvider.Sqlite && string.IsNullOrWhiteSpace(DataDirectory))
        {
            yield return new ValidationResult("Hub:Storage:DataDirectory must name a folder for the embedded database.", [nameof(DataDirectory)]);
        }
    }
}
