using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Crm.Projections;

/// <summary>
/// Creates and upgrades the read-model tables of one schema from the numbered SQL scripts embedded
/// in this assembly (<c>Sql/0001_read_models.sql</c>, …). It is idempotent: scripts already applied
/// (recorded in the schema's <c>schema_version</c> table) are skipped. It is safe to run from several
/// processes at once: a PostgreSQL advisory lock lets one migrate while the others wait, and all
/// pending scripts apply in one transaction, so a failure leaves the schema as it was.
/// </summary>
public sealed class ReadModelMigrator
{
    // One lock for all read-model migrations of a database: CREATE EXTENSION is database-wide, so
    // two schemas migrating at once must not race on it either. The value spells "CRM_RDMG".
    private const long MigrationLockKey = 0x43524D5F52444D47;

    private readonly NpgsqlDataSource _dataSource;
    private readonly ReadModelSchema _schema;

    /// <summary>A migrator for <paramref name="schema"/> in the database of <paramref name="dataSource"/>.</summary>
    public ReadModelMigrator(NpgsqlDataSource dataSource, ReadModelSchema schema)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(schema);
        _dataSource = dataSource;
        _schema = schema;
    }

    /// <summary>The scripts this build carries, in the order they apply.</summary>
    internal static IReadOnlyList<MigrationScript> Scripts { get; } = LoadScripts();

    /// <summary>Applies every script not yet applied to the schema, creating the schema when missing.</summary>
    /// <returns>The versions applied by this call, in order; empty when the schema was up to date.</returns>
    /// <exception cref="InvalidOperationException">
    /// The schema records a script this build does not have, or a script whose text changed after it was applied.
    /// </exception>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLockKey})", cancellationToken);
        await ExecuteAsync(connection, transaction, _schema.Apply("""
            CREATE SCHEMA IF NOT EXISTS __schema__;
            CREATE TABLE IF NOT EXISTS __schema__.schema_version (
                version    integer     PRIMARY KEY,
                name       text        NOT NULL,
                checksum   text        NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            );
            """), cancellationToken);

        var applied = await AppliedAsync(connection, transaction, cancellationToken);
        Verify(applied);

        var done = new List<int>();
        foreach (var script in Scripts.Where(s => !applied.ContainsKey(s.Version)))
        {
            await ExecuteAsync(connection, transaction, _schema.Apply(script.Sql), cancellationToken);
            await using var record = new NpgsqlCommand(
                _schema.Apply("INSERT INTO __schema__.schema_version (version, name, checksum) VALUES ($1, $2, $3)"), connection, transaction)
            {
                Parameters = { new() { Value = script.Version }, new() { Value = script.Name }, new() { Value = script.Checksum } },
            };
            await record.ExecuteNonQueryAsync(cancellationToken);
            done.Add(script.Version);
        }
        await transaction.CommitAsync(cancellationToken);
        return done;
    }

    private async Task<Dictionary<int, (string Name, string Checksum)>> AppliedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(_schema.Apply("SELECT version, name, checksum FROM __schema__.schema_version"), connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var applied = new Dictionary<int, (string, string)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetInt32(0)] = (reader.GetString(1), reader.GetString(2));
        }
        return applied;
    }

    private void Verify(Dictionary<int, (string Name, string Checksum)> applied)
    {
        foreach (var (version, (name, checksum)) in applied.OrderBy(a => a.Key))
        {
            var script = Scripts.FirstOrDefault(s => s.Version == version)
                ?? throw new InvalidOperationException(
                    $"Schema {_schema} has read-model script {version} ({name}) applied, which this build does not have; it was migrated by a newer version.");
            if (script.Checksum != checksum)
            {
                throw new InvalidOperationException(
                    $"Read-model script {version} ({name}) changed after it was applied to schema {_schema}; applied scripts must never be edited — add a new numbered script instead.");
            }
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static List<MigrationScript> LoadScripts()
    {
        const string Prefix = "Crm.Projections.Sql.";
        var assembly = typeof(ReadModelMigrator).Assembly;
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            var name = resource[Prefix.Length..^".sql".Length];
            var underscore = name.IndexOf('_', StringComparison.Ordinal);
            if (underscore <= 0 || !int.TryParse(name[..underscore], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"Embedded script {resource} is not named NNNN_description.sql.");
            }
            scripts.Add(new MigrationScript(version, name, Read(assembly, resource)));
        }
        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        var duplicate = scripts.GroupBy(s => s.Version).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? scripts
            : throw new InvalidOperationException($"Two embedded scripts have version {duplicate.Key}: {string.Join(", ", duplicate.Select(s => s.Name))}.");
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

/// <summary>One numbered schema script.</summary>
/// <param name="Version">Its number; scripts apply in ascending order.</param>
/// <param name="Name">Its file name without extension.</param>
/// <param name="Sql">Its text, with the <c>__schema__</c> placeholder.</param>
internal sealed record MigrationScript(int Version, string Name, string Sql)
{
    /// <summary>The SHA-256 of the text, recorded when applied so a later edit is noticed.</summary>
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));
}
