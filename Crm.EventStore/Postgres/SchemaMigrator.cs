using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace Crm.EventStore.Postgres;

/// <summary>
/// Applies the numbered scripts embedded in this assembly (<c>Migrations/NNNN_name.sql</c>) to a
/// schema, each once, in one transaction under an advisory lock: two processes starting together
/// run them once, the second waiting for the first and then finding nothing to do.
/// </summary>
internal static partial class SchemaMigrator
{
    private const string ResourcePrefix = "migrations/";
    private const string SchemaPlaceholder = "__schema__";
    private const string LockSeedPlaceholder = "__lock_seed__";

    private static readonly Lazy<IReadOnlyList<Migration>> Embedded = new(LoadEmbedded);

    /// <summary>The scripts in this assembly, in version order.</summary>
    public static IReadOnlyList<Migration> Migrations => Embedded.Value;

    /// <summary>Lowercase identifiers only, so the quoted name means what it looks like, and short enough for the notification channel name.</summary>
    [GeneratedRegex("^[a-z_][a-z0-9_]{0,47}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaNamePattern();

    public static void ValidateSchemaName(string schema)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(schema);
        if (!SchemaNamePattern().IsMatch(schema) || schema.StartsWith("pg_", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The schema name '{schema}' is not allowed: use lowercase letters, digits and underscores, starting with a letter or underscore, at most 48 characters, not starting with 'pg_'.",
                nameof(schema));
        }
    }

    public static async Task MigrateAsync(NpgsqlDataSource dataSource, EventStoreSql sql, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (connection.PostgreSqlVersion.Major < 13)
        {
            throw new EventStoreSchemaException(
                $"The event store needs PostgreSQL 13 or newer (for xid8 and pg_current_xact_id); the server is {connection.PostgreSqlVersion}.");
        }
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock($1)", cancellationToken, StableKey("event-store/migrations/" + sql.Schema));
        await ExecuteAsync(connection, $"CREATE SCHEMA IF NOT EXISTS {sql.QuotedSchema}", cancellationToken);
        await ExecuteAsync(
            connection,
            $"CREATE TABLE IF NOT EXISTS {sql.QuotedSchema}.schema_migrations (version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
            cancellationToken);

        var applied = new Dictionary<int, (string Name, string Checksum)>();
        await using (var command = new NpgsqlCommand($"SELECT version, name, checksum FROM {sql.QuotedSchema}.schema_migrations", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetInt32(0), (reader.GetString(1), reader.GetString(2)));
            }
        }

        var known = new HashSet<int>();
        foreach (var migration in Migrations)
        {
            known.Add(migration.Version);
            if (applied.TryGetValue(migration.Version, out var done) && !string.Equals(done.Checksum, migration.Checksum, StringComparison.Ordinal))
            {
                throw new EventStoreSchemaException(
                    $"Migration {migration.Version:D4} ('{done.Name}') was applied to schema '{sql.Schema}' with a different script than this version carries "
                    + $"(checksum {done.Checksum}, expected {migration.Checksum}). Applied migrations must never change; add a new one instead.");
            }
        }
        foreach (var version in applied.Keys)
        {
            if (!known.Contains(version))
            {
                throw new EventStoreSchemaException(
                    $"Schema '{sql.Schema}' has migration {version:D4} ('{applied[version].Name}'), which this version of the event store does not know: it was migrated by newer code.");
            }
        }

        var lockSeed = StableKey("event-store/streams/" + sql.Schema).ToString(CultureInfo.InvariantCulture);
        foreach (var migration in Migrations)
        {
            if (applied.ContainsKey(migration.Version))
            {
                continue;
            }
            var script = migration.Template
                .Replace(SchemaPlaceholder, sql.QuotedSchema, StringComparison.Ordinal)
                .Replace(LockSeedPlaceholder, lockSeed, StringComparison.Ordinal);
            await ExecuteAsync(connection, script, cancellationToken);
            await ExecuteAsync(
                connection,
                $"INSERT INTO {sql.QuotedSchema}.schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
                cancellationToken,
                migration.Version,
                migration.Name,
                migration.Checksum);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A 64-bit key that is the same in every process and version (unlike string.GetHashCode).</summary>
    internal static long StableKey(string text) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static List<Migration> LoadEmbedded()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }
            var fileName = resource[ResourcePrefix.Length..];
            var underscore = fileName.IndexOf('_', StringComparison.Ordinal);
            if (underscore != 4 || !int.TryParse(fileName.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"The embedded migration '{fileName}' is not named NNNN_name.sql.");
            }
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var template = reader.ReadToEnd().ReplaceLineEndings("\n");
            var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(template)));
            migrations.Add(new Migration(version, Path.GetFileNameWithoutExtension(fileName), template, checksum));
        }
        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"The embedded migrations must be numbered 0001, 0002, … without gaps; found {migrations[i].Name} at place {i + 1}.");
            }
        }
        return migrations;
    }

    /// <summary>One numbered script: the template (with placeholders) and its checksum.</summary>
    internal sealed record Migration(int Version, string Name, string Template, string Checksum);
}
