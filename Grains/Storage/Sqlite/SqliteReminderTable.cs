using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace OurSociety.Federation.Storage.Sqlite;

/// <summary>
/// Orleans' reminder table in the hub's embedded database (table <c>reminder</c>), so reminders outlive a restart
/// with nothing to install. Rows are keyed by (service id, grain id, reminder name); the ETag is the row's version,
/// which rises with every upsert; a removal succeeds only with the current ETag. Writes share the grain storage's
/// group commits, so a registration returns once it is durable.
/// </summary>
public sealed class SqliteReminderTable(SqliteStore store, IOptions<ClusterOptions> cluster) : IReminderTable
{
    private const string Columns = "grain_id, name, start_at, period_ms, version";

    private string ServiceId => cluster.Value.ServiceId;

    public Task StartAsync(CancellationToken cancellationToken = default) => store.AcquireAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => store.ReleaseAsync();

    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        ReadAsync($"SELECT {Columns} FROM reminder WHERE service_id = $service AND grain_id = $grain", c => c.Parameters.AddWithValue("$grain", grainId.ToString()));

    public Task<ReminderTableData> ReadRows(uint begin, uint end) =>
        ReadAsync(
            begin < end
                ? $"SELECT {Columns} FROM reminder WHERE service_id = $service AND grain_hash > $begin AND grain_hash <= $end"
                : $"SELECT {Columns} FROM reminder WHERE service_id = $service AND (grain_hash > $begin OR grain_hash <= $end)",
            c =>
            {
                c.Parameters.AddWithValue("$begin", (long)begin);
                c.Parameters.AddWithValue("$end", (long)end);
            });

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        var rows = await ReadAsync(
            $"SELECT {Columns} FROM reminder WHERE service_id = $service AND grain_id = $grain AND name = $name",
            c =>
            {
                c.Parameters.AddWithValue("$grain", grainId.ToString());
                c.Parameters.AddWithValue("$name", reminderName);
            });
        return rows.Reminders.FirstOrDefault();
    }

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        var serviceId = ServiceId;
        var version = await store.Writer.SubmitAsync(SqliteWriteRequest.For((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO reminder (service_id, grain_id, name, start_at, period_ms, grain_hash, version)
                VALUES ($service, $grain, $name, $start, $period, $hash, 0)
                ON CONFLICT (service_id, grain_id, name) DO UPDATE
                    SET start_at = excluded.start_at, period_ms = excluded.period_ms, grain_hash = excluded.grain_hash, version = version + 1
                RETURNING version
                """;
            command.Parameters.AddWithValue("$service", serviceId);
            command.Parameters.AddWithValue("$grain", entry.GrainId.ToString());
            command.Parameters.AddWithValue("$name", entry.ReminderName);
            command.Parameters.AddWithValue("$start", new DateTimeOffset(DateTime.SpecifyKind(entry.StartAt, DateTimeKind.Utc)).ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$period", (long)entry.Period.TotalMilliseconds);
            command.Parameters.AddWithValue("$hash", (long)entry.GrainId.GetUniformHashCode());
            return (long)command.ExecuteScalar()!;
        }));
        return version!.Value.ToString(CultureInfo.InvariantCulture);
    }

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        if (!long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var expected))
        {
            return false;
        }

        var serviceId = ServiceId;
        var removed = await store.Writer.SubmitAsync(SqliteWriteRequest.For((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM reminder WHERE service_id = $service AND grain_id = $grain AND name = $name AND version = $version";
            command.Parameters.AddWithValue("$service", serviceId);
            command.Parameters.AddWithValue("$grain", grainId.ToString());
            command.Parameters.AddWithValue("$name", reminderName);
            command.Parameters.AddWithValue("$version", expected);
            return command.ExecuteNonQuery();
        }));
        return removed == 1;
    }

    public async Task TestOnlyClearTable()
    {
        var serviceId = ServiceId;
        await store.Writer.SubmitAsync(SqliteWriteRequest.For((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM reminder WHERE service_id = $service";
            command.Parameters.AddWithValue("$service", serviceId);
            return command.ExecuteNonQuery();
        }));
    }

    private Task<ReminderTableData> ReadAsync(string sql, Action<SqliteCommand> parameters)
    {
        var serviceId = ServiceId;
        return store.Readers.ReadAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$service", serviceId);
            parameters(command);
            using var reader = command.ExecuteReader();
            var entries = new List<ReminderEntry>();
            while (reader.Read())
            {
                entries.Add(new ReminderEntry
                {
                    GrainId = GrainId.Parse(reader.GetString(0)),
                    ReminderName = reader.GetString(1),
                    StartAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)).UtcDateTime,
                    Period = TimeSpan.FromMilliseconds(reader.GetInt64(3)),
                    ETag = reader.GetInt64(4).ToString(CultureInfo.InvariantCulture),
                });
            }

            return new ReminderTableData(entries);
        });
    }
}
