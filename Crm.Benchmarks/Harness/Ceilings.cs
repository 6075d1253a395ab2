using Npgsql;
using NpgsqlTypes;

namespace Crm.Benchmarks.Harness;

/// <summary>
/// The physical limits our figures are held against, measured in the same run: what plain Npgsql
/// achieves writing the same rows into an equivalent bare table with nothing else around it.
/// </summary>
internal static class Ceilings
{
    private const string Table = """
        CREATE TABLE IF NOT EXISTS ceiling_events (
            position    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            stream_id   text        NOT NULL,
            version     bigint      NOT NULL,
            type        text        NOT NULL,
            data        jsonb       NOT NULL,
            metadata    jsonb       NOT NULL,
            recorded_at timestamptz NOT NULL DEFAULT now(),
            UNIQUE (stream_id, version));
        TRUNCATE ceiling_events;
        """;

    public const string SampleData = """{"channel":"Phone","direction":"Inbound","queue":"billing","topic":"Invoice question","summary":"Customer asked about the last invoice","talkSeconds":184,"holdSeconds":20,"wrapUpSeconds":45}""";
    public const string SampleMetadata = """{"actorId":"0193a5f0-0000-7000-8000-000000000001","actorRole":"Agent","correlationId":"0193a5f0-0000-7000-8000-000000000002"}""";

    /// <summary>Single-row INSERTs, one per round trip and transaction, to distinct streams, from N workers.</summary>
    public static async Task<LoadResult> SingleRowInsertsAsync(NpgsqlDataSource dataSource, int workers, TimeSpan duration)
    {
        await ExecuteAsync(dataSource, Table);
        var run = Guid.NewGuid().ToString("N")[..8];
        return await Load.RunAsync(workers, duration, long.MaxValue, async (worker, i) =>
        {
            await using var command = dataSource.CreateCommand(
                "INSERT INTO ceiling_events (stream_id, version, type, data, metadata) VALUES ($1, 1, 'InteractionLogged', $2::jsonb, $3::jsonb)");
            command.Parameters.Add(new NpgsqlParameter { Value = $"c-{run}-{worker}-{i}" });
            command.Parameters.Add(new NpgsqlParameter { Value = SampleData, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = SampleMetadata, NpgsqlDbType = NpgsqlDbType.Text });
            await command.ExecuteNonQueryAsync();
            return true;
        });
    }

    /// <summary>Server-side batched INSERT … SELECT FROM unnest(arrays), <paramref name="batch"/> rows a statement.</summary>
    public static async Task<(long Rows, TimeSpan Elapsed)> BatchedInsertAsync(NpgsqlDataSource dataSource, long rows, int batch)
    {
        await ExecuteAsync(dataSource, Table);
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync();
        for (long offset = 0; offset < rows; offset += batch)
        {
            var n = (int)Math.Min(batch, rows - offset);
            var streams = new string[n];
            var data = new string[n];
            for (var i = 0; i < n; i++)
            {
                streams[i] = $"b-{offset + i}";
                data[i] = SampleData;
            }
            await using var command = new NpgsqlCommand(
                "INSERT INTO ceiling_events (stream_id, version, type, data, metadata) " +
                "SELECT s, 1, 'InteractionLogged', d::jsonb, $3::jsonb FROM unnest($1::text[], $2::text[]) AS t(s, d)", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = streams });
            command.Parameters.Add(new NpgsqlParameter { Value = data });
            command.Parameters.Add(new NpgsqlParameter { Value = SampleMetadata, NpgsqlDbType = NpgsqlDbType.Text });
            await command.ExecuteNonQueryAsync();
        }
        return (rows, started.Elapsed);
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
