using System.Diagnostics;
using System.Security.Cryptography;
using Npgsql;
using NpgsqlTypes;

namespace Crm.Benchmarks.Harness;

/// <summary>The content of the rows a ceiling writes: the event type name, data and metadata as JSON text.</summary>
internal sealed record CeilingRow(string TypeName, string Data, string Metadata);

/// <summary>
/// The physical limits our figures are held against, measured in the same run: what plain Npgsql
/// achieves writing the same rows into an equivalent bare table — the event store's columns,
/// primary key and commit-order index, but no stream table, no function, no locks, no hashing.
/// </summary>
internal static class Ceilings
{
    private const string Table = """
        CREATE TABLE IF NOT EXISTS ceiling_events (
            position        bigint GENERATED ALWAYS AS IDENTITY,
            stream_id       text COLLATE "C" NOT NULL,
            version         bigint      NOT NULL,
            event_id        uuid        NOT NULL,
            type_name       text        NOT NULL,
            schema_version  integer     NOT NULL,
            data            jsonb       NOT NULL,
            metadata        jsonb       NOT NULL,
            occurred_at     timestamptz NOT NULL,
            recorded_at     timestamptz NOT NULL DEFAULT now(),
            tx_id           xid8        NOT NULL DEFAULT pg_current_xact_id(),
            hash            bytea       NOT NULL,
            PRIMARY KEY (stream_id, version));
        CREATE UNIQUE INDEX IF NOT EXISTS ceiling_events_commit_order_idx ON ceiling_events (tx_id, position);
        TRUNCATE ceiling_events;
        """;

    private const string InsertOne = """
        INSERT INTO ceiling_events (stream_id, version, event_id, type_name, schema_version, data, metadata, occurred_at, hash)
        VALUES ($1, 1, $2, $3, 1, $4, $5, $6, $7)
        """;

    private const string InsertBatch = """
        INSERT INTO ceiling_events (stream_id, version, event_id, type_name, schema_version, data, metadata, occurred_at, hash)
        SELECT s, 1, e, $3, 1, d, $5, o, h FROM unnest($1::text[], $2::uuid[], $4::jsonb[], $6::timestamptz[], $7::bytea[]) AS t(s, e, d, o, h)
        """;

    private const string CopyIn = """
        COPY ceiling_events (stream_id, version, event_id, type_name, schema_version, data, metadata, occurred_at, hash) FROM STDIN (FORMAT BINARY)
        """;

    /// <summary>
    /// Single-row INSERTs to distinct streams, one per round trip and (implicit) transaction, from N
    /// workers; each takes a pooled connection and a statement prepared on it, as an append does.
    /// </summary>
    public static async Task<LoadResult> SingleRowInsertsAsync(NpgsqlDataSource dataSource, int workers, TimeSpan duration, CeilingRow row, long maxPerWorker = long.MaxValue)
    {
        await ExecuteAsync(dataSource, Table);
        return await Load.RunAsync(workers, duration, maxPerWorker, async (_, _) =>
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var command = new NpgsqlCommand(InsertOne, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = $"customer-{Guid.CreateVersion7()}", NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = Guid.CreateVersion7(), NpgsqlDbType = NpgsqlDbType.Uuid });
            command.Parameters.Add(new NpgsqlParameter { Value = row.TypeName, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = row.Data, NpgsqlDbType = NpgsqlDbType.Jsonb });
            command.Parameters.Add(new NpgsqlParameter { Value = row.Metadata, NpgsqlDbType = NpgsqlDbType.Jsonb });
            command.Parameters.Add(new NpgsqlParameter { Value = DateTime.UtcNow, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new NpgsqlParameter { Value = RandomNumberGenerator.GetBytes(32), NpgsqlDbType = NpgsqlDbType.Bytea });
            await command.PrepareAsync();
            await command.ExecuteNonQueryAsync();
            return true;
        });
    }

    /// <summary>Server-side batched INSERT … SELECT FROM unnest(arrays), <paramref name="batch"/> rows a statement, on one connection.</summary>
    public static async Task<(long Rows, TimeSpan Elapsed)> BatchedInsertAsync(NpgsqlDataSource dataSource, long rows, int batch, CeilingRow row)
    {
        await ExecuteAsync(dataSource, Table);
        var started = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync();
        for (long offset = 0; offset < rows; offset += batch)
        {
            var n = (int)Math.Min(batch, rows - offset);
            var streams = new string[n];
            var eventIds = new Guid[n];
            var data = new string[n];
            var occurredAt = new DateTime[n];
            var hashes = new byte[n][];
            var now = DateTime.UtcNow;
            for (var i = 0; i < n; i++)
            {
                streams[i] = $"customer-{Guid.CreateVersion7()}";
                eventIds[i] = Guid.CreateVersion7();
                data[i] = row.Data;
                occurredAt[i] = now;
                hashes[i] = RandomNumberGenerator.GetBytes(32);
            }
            await using var command = new NpgsqlCommand(InsertBatch, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = streams, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = eventIds, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
            command.Parameters.Add(new NpgsqlParameter { Value = row.TypeName, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = data, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
            command.Parameters.Add(new NpgsqlParameter { Value = row.Metadata, NpgsqlDbType = NpgsqlDbType.Jsonb });
            command.Parameters.Add(new NpgsqlParameter { Value = occurredAt, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new NpgsqlParameter { Value = hashes, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
            await command.ExecuteNonQueryAsync();
        }
        return (rows, started.Elapsed);
    }

    /// <summary>Binary COPY of the same rows in one transaction: the fastest way PostgreSQL takes rows in.</summary>
    public static async Task<(long Rows, TimeSpan Elapsed)> BinaryCopyAsync(NpgsqlDataSource dataSource, long rows, CeilingRow row)
    {
        await ExecuteAsync(dataSource, Table);
        var started = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var writer = await connection.BeginBinaryImportAsync(CopyIn))
        {
            var now = DateTime.UtcNow;
            for (long i = 0; i < rows; i++)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync($"customer-{Guid.CreateVersion7()}", NpgsqlDbType.Text);
                await writer.WriteAsync(1L, NpgsqlDbType.Bigint);
                await writer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await writer.WriteAsync(row.TypeName, NpgsqlDbType.Text);
                await writer.WriteAsync(1, NpgsqlDbType.Integer);
                await writer.WriteAsync(row.Data, NpgsqlDbType.Jsonb);
                await writer.WriteAsync(row.Metadata, NpgsqlDbType.Jsonb);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(RandomNumberGenerator.GetBytes(32), NpgsqlDbType.Bytea);
            }
            await writer.CompleteAsync();
        }
        return (rows, started.Elapsed);
    }

    /// <summary>How many rows the ceiling table holds (a check that a ceiling wrote what it claims).</summary>
    public static async Task<long> CountAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM ceiling_events");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
