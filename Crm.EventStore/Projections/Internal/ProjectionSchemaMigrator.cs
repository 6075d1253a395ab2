using System.Security.Cryptography;
using System.Text;
using Crm.EventStore.Postgres;
using Npgsql;

namespace Crm.EventStore.Projections.Internal;

/// <summary>
/// Creates and upgrades the projection engine's tables in the store's schema. They are versioned
/// apart from the store's own scripts (in <c>projection_migrations</c>), so the store and the engine
/// evolve independently; the same rules hold: each script once, all in one transaction under an
/// advisory lock, and a changed or unknown script is refused.
/// </summary>
internal static class ProjectionSchemaMigrator
{
    /// <summary>The scripts, in order; <c>__schema__</c> stands for the quoted schema. Never edit one that shipped: add the next.</summary>
    internal static readonly IReadOnlyList<(int Version, string Name, string Sql)> Scripts =
    [
        (1, "checkpoints_and_dead_letters", """
            CREATE TABLE __schema__.projection_checkpoints (
                name                  text COLLATE "C" NOT NULL,
                kind                  text NOT NULL,
                -- Where the projection is in the commit-ordered log; written in the same transaction
                -- as the rows it covers, so rows and checkpoint never disagree.
                checkpoint_tx         xid8 NOT NULL DEFAULT '0',
                checkpoint_position   bigint NOT NULL DEFAULT 0,
                events_applied        bigint NOT NULL DEFAULT 0,
                paused                boolean NOT NULL DEFAULT false,
                error_at              timestamptz,
                error_type            text,
                error_message         text,
                error_event_tx        xid8,
                error_event_position  bigint,
                error_event_id        uuid,
                error_event_stream    text,
                error_event_version   bigint,
                error_event_type      text,
                owner                 text,
                owner_since           timestamptz,
                rebuild_owner         text,
                rebuild_started_at    timestamptz,
                rebuild_events_done   bigint,
                rebuild_events_total  bigint,
                updated_at            timestamptz NOT NULL DEFAULT now(),
                CONSTRAINT projection_checkpoints_pkey PRIMARY KEY (name),
                CONSTRAINT projection_checkpoints_kind_check CHECK (kind IN ('inline', 'async'))
            );

            CREATE TABLE __schema__.projection_dead_letters (
                projection      text COLLATE "C" NOT NULL,
                event_tx        xid8 NOT NULL,
                event_position  bigint NOT NULL,
                event_id        uuid NOT NULL,
                stream_id       text NOT NULL,
                stream_version  bigint NOT NULL,
                type_name       text NOT NULL,
                error_type      text NOT NULL,
                error_message   text NOT NULL,
                recorded_at     timestamptz NOT NULL DEFAULT now(),
                CONSTRAINT projection_dead_letters_pkey PRIMARY KEY (projection, event_position)
            );
            """),
    ];

    public static async Task MigrateAsync(NpgsqlDataSource dataSource, string quotedSchema, string schema, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(transaction, "SELECT pg_advisory_xact_lock($1)", cancellationToken, SchemaMigrator.StableKey("projections/migrations/" + schema));
        await ExecuteAsync(
            transaction,
            $"CREATE TABLE IF NOT EXISTS {quotedSchema}.projection_migrations (version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
            cancellationToken);

        var applied = new Dictionary<int, (string Name, string Checksum)>();
        await using (var command = new NpgsqlCommand($"SELECT version, name, checksum FROM {quotedSchema}.projection_migrations", connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetInt32(0), (reader.GetString(1), reader.GetString(2)));
            }
        }
        foreach (var (version, (name, checksum)) in applied)
        {
            var script = Scripts.FirstOrDefault(s => s.Version == version);
            if (script.Sql is null)
            {
                throw new EventStoreSchemaException(
                    $"Schema '{schema}' has projection migration {version:D4} ('{name}'), which this version of the projection engine does not know: it was migrated by newer code.");
            }
            if (!string.Equals(Checksum(script.Sql), checksum, StringComparison.Ordinal))
            {
                throw new EventStoreSchemaException(
                    $"Projection migration {version:D4} ('{name}') was applied to schema '{schema}' with a different script than this version carries. Applied migrations must never change; add a new one instead.");
            }
        }
        foreach (var (version, name, sql) in Scripts)
        {
            if (applied.ContainsKey(version))
            {
                continue;
            }
            await ExecuteAsync(transaction, sql.Replace("__schema__", quotedSchema, StringComparison.Ordinal), cancellationToken);
            await ExecuteAsync(
                transaction,
                $"INSERT INTO {quotedSchema}.projection_migrations (version, name, checksum) VALUES ($1, $2, $3)",
                cancellationToken,
                version,
                name,
                Checksum(sql));
        }
        await transaction.CommitAsync(cancellationToken);
    }

    internal static string Checksum(string sql) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n"))));

    private static async Task ExecuteAsync(NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
