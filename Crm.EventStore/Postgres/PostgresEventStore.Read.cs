using Crm.EventStore.Internal;
using Npgsql;
using NpgsqlTypes;

namespace Crm.EventStore.Postgres;

public sealed partial class PostgresEventStore
{
    private const int AggregatePageSize = 1000;

    /// <inheritdoc />
    public async Task<StreamPage> ReadStreamAsync(string streamId, ReadStreamOptions? options = null, CancellationToken cancellationToken = default)
    {
        StreamIds.Validate(streamId, nameof(streamId));
        options ??= new ReadStreamOptions();
        ValidateMaxCount(options.MaxCount, nameof(options));
        await EnsureInitializedAsync(cancellationToken);

        var forward = options.Direction == ReadDirection.Forward;
        var upper = options.UpToVersion?.Value ?? long.MaxValue;
        long lower = 1;
        if (options.FromVersion is { } from)
        {
            if (forward)
            {
                lower = Math.Max(from.Value, 1);
            }
            else
            {
                upper = Math.Min(upper, from.Value);
            }
        }

        var sql = (forward, options.UpToMoment is null) switch
        {
            (true, true) => _sql.ReadStreamForward,
            (false, true) => _sql.ReadStreamBackward,
            (true, false) => _sql.ReadStreamForwardAsOf,
            (false, false) => _sql.ReadStreamBackwardAsOf,
        };
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = streamId, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = lower, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = upper, NpgsqlDbType = NpgsqlDbType.Bigint });
        // One more than a page, to know whether another page follows.
        command.Parameters.Add(new NpgsqlParameter { Value = options.MaxCount + 1L, NpgsqlDbType = NpgsqlDbType.Bigint });
        if (options.UpToMoment is { } moment)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = Timestamps.ToUtcDateTime(moment), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        }
        await command.PrepareAsync(cancellationToken);

        var events = new List<RecordedEvent>(Math.Min(options.MaxCount, 256));
        var more = false;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (events.Count == options.MaxCount)
                {
                    more = true;
                    break;
                }
                events.Add(StoredEvent.Read(reader, 0).ToRecorded(_types, _serializerOptions));
            }
        }
        StreamVersion? next = null;
        if (more)
        {
            var last = events[^1].Version.Value;
            next = new StreamVersion(forward ? last + 1 : last - 1);
        }
        return new StreamPage(streamId, events, next);
    }

    /// <inheritdoc />
    public async Task<AggregateResult<TState>> AggregateAsync<TState>(
        string streamId,
        TState initial,
        Func<TState, RecordedEvent, TState> evolve,
        StreamVersion? upToVersion = null,
        DateTimeOffset? upToMoment = null,
        CancellationToken cancellationToken = default)
    {
        StreamIds.Validate(streamId, nameof(streamId));
        ArgumentNullException.ThrowIfNull(evolve);
        var state = initial;
        var version = StreamVersion.None;
        var options = new ReadStreamOptions { UpToVersion = upToVersion, UpToMoment = upToMoment, MaxCount = AggregatePageSize };
        while (true)
        {
            var page = await ReadStreamAsync(streamId, options, cancellationToken);
            foreach (var recorded in page.Events)
            {
                state = evolve(state, recorded);
                version = recorded.Version;
            }
            if (page.NextVersion is not { } next)
            {
                return new AggregateResult<TState>(state, version);
            }
            options = options with { FromVersion = next };
        }
    }

    /// <inheritdoc />
    public async Task<StreamInfo?> GetStreamAsync(string streamId, CancellationToken cancellationToken = default)
    {
        StreamIds.Validate(streamId, nameof(streamId));
        await EnsureInitializedAsync(cancellationToken);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(_sql.GetStream, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = streamId, NpgsqlDbType = NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return new StreamInfo(
            reader.GetString(0),
            reader.IsDBNull(1) ? null : reader.GetString(1),
            new StreamVersion(reader.GetInt64(2)),
            reader.GetFieldValue<DateTimeOffset>(3),
            reader.GetFieldValue<DateTimeOffset>(4),
            reader.GetBoolean(5));
    }

    /// <inheritdoc />
    public async Task<bool> ArchiveStreamAsync(string streamId, CancellationToken cancellationToken = default)
    {
        StreamIds.Validate(streamId, nameof(streamId));
        await EnsureInitializedAsync(cancellationToken);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(_sql.ArchiveStream, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = streamId, NpgsqlDbType = NpgsqlDbType.Text });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
