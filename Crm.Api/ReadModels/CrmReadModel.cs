using Crm.Projections;
using Npgsql;
using NpgsqlTypes;

namespace Crm.Api.ReadModels;

/// <summary>
/// The reads the API needs that <see cref="ReadModelQueries"/> does not offer: batches by id (for
/// DataLoaders, one statement for any number of keys), lists paged in both directions, counts,
/// a case's own timeline and stream versions. Every statement uses an index of its table.
/// </summary>
internal sealed partial class CrmReadModel
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _readSchema;
    private readonly string _storeSchema;
    private readonly string _profileOfOne;
    private readonly string _profilesOfMany;

    /// <summary>Reads the read models in <paramref name="readSchema"/> and stream records in the event store's <paramref name="storeSchema"/>.</summary>
    public CrmReadModel(NpgsqlDataSource dataSource, ReadModelSchema readSchema, string storeSchema)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(readSchema);
        ArgumentException.ThrowIfNullOrWhiteSpace(storeSchema);
        _dataSource = dataSource;
        _readSchema = "\"" + readSchema.Name + "\"";
        _storeSchema = "\"" + storeSchema + "\"";
        _profileOfOne = Read(ProfilesSql.Replace("__match__", "= $1", StringComparison.Ordinal));
        _profilesOfMany = Read(ProfilesSql.Replace("__match__", "= ANY($1)", StringComparison.Ordinal));
    }

    /// <summary>
    /// The stream versions (number of events) of the given streams; absent streams are left out.
    /// Reads the event store's stream records, which its appends keep current in the same statement.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, long>> StreamVersionsAsync(IReadOnlyList<string> streamIds, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"SELECT id, version FROM {_storeSchema}.streams WHERE id = ANY($1)");
        command.Parameters.Add(TextArray(streamIds));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new Dictionary<string, long>(streamIds.Count, StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions[reader.GetString(0)] = reader.GetInt64(1);
        }
        return versions;
    }

    private string Read(string sql) => sql.Replace("__schema__", _readSchema, StringComparison.Ordinal);

    private static NpgsqlParameter UuidArray(IReadOnlyList<Guid> ids) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid, Value = ids as Guid[] ?? [.. ids] };

    private static NpgsqlParameter TextArray(IReadOnlyList<string> values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = values as string[] ?? [.. values] };

    private static NpgsqlParameter Typed(NpgsqlDbType type, object? value) => new() { NpgsqlDbType = type, Value = value ?? DBNull.Value };

    private static T? Value<T>(NpgsqlDataReader reader, int ordinal)
        where T : struct => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static TEnum Enum<TEnum>(NpgsqlDataReader reader, int ordinal)
        where TEnum : struct, Enum => System.Enum.Parse<TEnum>(reader.GetString(ordinal));

    private static TEnum? OptionalEnum<TEnum>(NpgsqlDataReader reader, int ordinal)
        where TEnum : struct, Enum => reader.IsDBNull(ordinal) ? null : System.Enum.Parse<TEnum>(reader.GetString(ordinal));

    private static DateTimeOffset Time(NpgsqlDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    private static DateTimeOffset? OptionalTime(NpgsqlDataReader reader, int ordinal) => Value<DateTimeOffset>(reader, ordinal);

    /// <summary>A time as the database keeps it (whole microseconds), so keyset comparisons match stored values exactly.</summary>
    private static DateTimeOffset Microseconds(DateTimeOffset time)
    {
        var ticks = time.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero);
    }
}
