using Npgsql;
using NpgsqlTypes;

namespace Crm.EventStore.Postgres;

public sealed partial class PostgresEventStore
{
    /// <inheritdoc />
    public async Task<AllEventsPage> ReadAllAsync(Checkpoint after, ReadAllOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ReadAllOptions();
        ValidateMaxCount(options.MaxCount, nameof(options));
        string[]? typeNames = null;
        if (options.EventTypes is { } types)
        {
            if (types.Count == 0)
            {
                throw new ArgumentException("An event type filter needs at least one type; leave it null to read every event.", nameof(options));
            }
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var type in types)
            {
                ArgumentNullException.ThrowIfNull(type, nameof(options));
                names.UnionWith(_types.StoredNamesOf(type));
            }
            typeNames = [.. names];
        }
        await EnsureInitializedAsync(cancellationToken);

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(typeNames is null ? _sql.ReadAll : _sql.ReadAllOfTypes, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = after.TransactionId, NpgsqlDbType = NpgsqlDbType.Xid8 });
        command.Parameters.Add(new NpgsqlParameter { Value = after.Position, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)options.MaxCount, NpgsqlDbType = NpgsqlDbType.Bigint });
        if (typeNames is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = typeNames, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        }
        await command.PrepareAsync(cancellationToken);

        var events = new List<RecordedEvent>(Math.Min(options.MaxCount, 256));
        var rows = 0;
        var last = after;
        ulong horizon = 0;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                horizon = reader.GetFieldValue<ulong>(0);
                if (reader.IsDBNull(1))
                {
                    // The left join's empty row: nothing to deliver yet.
                    continue;
                }
                rows++;
                var stored = StoredEvent.Read(reader, 1);
                last = new Checkpoint(stored.TransactionId, stored.Position);
                var recorded = stored.ToRecorded(_types, _serializerOptions);
                if (options.EventTypes is null || IsAnyOf(recorded.Data, options.EventTypes))
                {
                    events.Add(recorded);
                }
            }
        }

        var caughtUp = rows < options.MaxCount;
        var next = last;
        if (caughtUp && horizon > 0)
        {
            // Every transaction below the horizon has finished and was read completely, so the
            // checkpoint can move past them all (nothing can appear there any more).
            var safe = new Checkpoint(horizon - 1, long.MaxValue);
            if (safe > next)
            {
                next = safe;
            }
        }
        return new AllEventsPage(events, next, caughtUp);
    }

    private static bool IsAnyOf(object data, IReadOnlyCollection<Type> types)
    {
        foreach (var type in types)
        {
            if (type.IsInstanceOfType(data))
            {
                return true;
            }
        }
        return false;
    }
}
