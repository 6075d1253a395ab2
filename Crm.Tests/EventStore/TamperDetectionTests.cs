using Crm.EventStore;
using Crm.EventStore.Internal;
using Crm.EventStore.Postgres;
using Crm.Tests.Infrastructure;
using Npgsql;
using NpgsqlTypes;
using static Crm.Tests.EventStore.TestStores;

namespace Crm.Tests.EventStore;

/// <summary>
/// Every kind of tampering, done with SQL behind the store's back, is found and named. In the
/// commit-order group because store digests cover only final events, and another test's open
/// transaction would keep fresh events out of them for a moment.
/// </summary>
[Collection(CommitOrderGroup.Name)]
public sealed class TamperDetectionTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly EventMetadata Metadata = new() { ActorId = "alice", ActorRole = "Operator", CorrelationId = "c-1" };

    [Fact]
    public async Task UntouchedStore_Verifies()
    {
        var (store, _) = await SeededStoreAsync();
        await using var _store = store;

        var stream = await store.VerifyStreamAsync("s1");
        var all = await store.VerifyAllAsync();

        Assert.True(stream.IsIntact);
        Assert.Equal(5, stream.EventsChecked);
        Assert.True(all.IsIntact);
        Assert.Equal(3, all.StreamsChecked);
        Assert.Equal(15, all.EventsChecked);
    }

    [Fact]
    public async Task EditedPayload_IsAHashMismatchAtThatEvent()
    {
        var (store, positions) = await SeededStoreAsync();
        await using var _store = store;

        await Sql(store, "UPDATE {events} SET data = jsonb_set(data, '{quantity}', '99') WHERE stream_id = 's1' AND version = 3");

        var violation = Assert.Single((await store.VerifyStreamAsync("s1")).Violations);
        Assert.Equal(IntegrityViolationKind.HashMismatch, violation.Kind);
        Assert.Equal(new StreamVersion(3), violation.Version);
        Assert.Equal(positions[("s1", 3)], violation.Position);
        Assert.Equal("s1", violation.StreamId);
        Assert.Contains("does not match", violation.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("metadata = metadata || '{\"actorId\": \"mallory\"}'")]
    [InlineData("metadata = metadata - 'correlationId'")]
    [InlineData("type_name = 'item-removed'")]
    [InlineData("schema_version = 2")]
    [InlineData("event_id = gen_random_uuid()")]
    [InlineData("occurred_at = occurred_at - interval '1 day'")]
    [InlineData("recorded_at = recorded_at + interval '1 microsecond'")]
    public async Task EditedMetadataOrEnvelope_IsAHashMismatchAtThatEvent(string assignment)
    {
        var (store, _) = await SeededStoreAsync();
        await using var _store = store;

        await Sql(store, $"UPDATE {{events}} SET {assignment} WHERE stream_id = 's2' AND version = 2");

        var violation = Assert.Single((await store.VerifyStreamAsync("s2")).Violations);
        Assert.Equal(IntegrityViolationKind.HashMismatch, violation.Kind);
        Assert.Equal(new StreamVersion(2), violation.Version);
    }

    [Fact]
    public async Task DeletedEventInTheMiddle_IsAVersionGap()
    {
        var (store, positions) = await SeededStoreAsync();
        await using var _store = store;

        await Sql(store, "DELETE FROM {events} WHERE stream_id = 's1' AND version = 3");

        var violation = Assert.Single((await store.VerifyStreamAsync("s1")).Violations);
        Assert.Equal(IntegrityViolationKind.VersionGap, violation.Kind);
        Assert.Equal(new StreamVersion(3), violation.Version);
        Assert.Equal(positions[("s1", 4)], violation.Position);
    }

    [Fact]
    public async Task DeletedFirstEvent_IsAVersionGapAtVersionOne()
    {
        var (store, _) = await SeededStoreAsync();
        await using var _store = store;

        await Sql(store, "DELETE FROM {events} WHERE stream_id = 's1' AND version = 1");

        var violation = Assert.Single((await store.VerifyStreamAsync("s1")).Violations);
        Assert.Equal(IntegrityViolationKind.VersionGap, violation.Kind);
        Assert.Equal(new StreamVersion(1), violation.Version);
    }

    [Fact]
    public async Task DeletedNewestEvent_IsMissing()
    {
        var (store, _) = await SeededStoreAsync();
        await using var _store = store;

        await Sql(store, "DELETE FROM {events} WHERE stream_id = 's1' AND version = 5");

        var violation = Assert.Single((await store.VerifyStreamAsync("s1")).Violations);
        Assert.Equal(IntegrityViolationKind.Missing, violation.Kind);
        Assert.Equal(new StreamVersion(5), violation.Version);
    }

    [Fact]
    public async Task SwappedVersions_AreAHashMismatchAtTheFirstSwappedEvent()
    {
        var (store, _) = await SeededStoreAsync();
        await using var _store = store;

        await Sql(store, """
            UPDATE {events} SET version = 1000 WHERE stream_id = 's1' AND version = 2;
            UPDATE {events} SET version = 2 WHERE stream_id = 's1' AND version = 3;
            UPDATE {events} SET version = 3 WHERE stream_id = 's1' AND version = 1000;
            """);

        var violation = Assert.Single((await store.VerifyStreamAsync("s1")).Violations);
        Assert.Equal(IntegrityViolationKind.HashMismatch, violation.Kind);
        Assert.Equal(new StreamVersion(2), violation.Version);
    }

    [Fact]
    public async Task SwappedContents_AreAHashMismatch()
    {
        var (store, _) = await SeededStoreAsync();
        await using var _store = store;

        await Sql(store, """
            UPDATE {events} AS e SET data = o.data, hash = o.hash
              FROM {events} AS o
             WHERE e.stream_id = 's3' AND o.stream_id = 's3' AND ((e.version = 4 AND o.version = 5) OR (e.version = 5 AND o.version = 4));
            """);

        var violation = Assert.Single((await store.VerifyStreamAsync("s3")).Violations);
        Assert.Equal(IntegrityViolationKind.HashMismatch, violation.Kind);
        Assert.Equal(new StreamVersion(4), violation.Version);
    }

    [Fact]
    public async Task EventAddedBehindTheStoresBack_IsFound()
    {
        var (store, _) = await SeededStoreAsync();
        await using var _store = store;

        await Sql(store, """
            INSERT INTO {events} (stream_id, version, event_id, type_name, schema_version, data, metadata, occurred_at, recorded_at, hash)
            SELECT stream_id, 6, gen_random_uuid(), type_name, schema_version, data, metadata, occurred_at, recorded_at, hash
              FROM {events} WHERE stream_id = 's1' AND version = 5;
            """);

        var violation = Assert.Single((await store.VerifyStreamAsync("s1")).Violations);
        Assert.Equal(IntegrityViolationKind.HashMismatch, violation.Kind);
        Assert.Equal(new StreamVersion(6), violation.Version);
    }

    [Fact]
    public async Task StreamRecord_DeletedOrRewound_IsFound()
    {
        var (store, _) = await SeededStoreAsync();
        await using var _store = store;

        await Sql(store, "DELETE FROM {streams} WHERE id = 's1'; UPDATE {streams} SET version = 4 WHERE id = 's2'");

        var deleted = Assert.Single((await store.VerifyStreamAsync("s1")).Violations);
        var rewound = Assert.Single((await store.VerifyStreamAsync("s2")).Violations);
        Assert.Equal(IntegrityViolationKind.Missing, deleted.Kind);
        Assert.Equal(IntegrityViolationKind.StreamRecordMismatch, rewound.Kind);
        Assert.Equal(new StreamVersion(5), rewound.Version);
    }

    [Fact]
    public async Task JsonbRewrites_ThatKeepTheValue_AreNotTampering()
    {
        var (store, _) = await SeededStoreAsync();
        await using var _store = store;

        await Sql(store, """
            UPDATE {events} SET data = data::text::jsonb, metadata = (metadata::text)::jsonb;
            UPDATE {events} SET data = jsonb_build_object('sku', data->'sku', 'quantity', (data->>'quantity')::numeric) WHERE stream_id = 's1';
            """);

        Assert.True((await store.VerifyAllAsync()).IsIntact);
    }

    [Fact]
    public async Task VerifyAll_ReportsTheFirstViolationOfEachBrokenStream_InStreamOrder()
    {
        var (store, _) = await SeededStoreAsync();
        await using var _store = store;

        await Sql(store, """
            UPDATE {events} SET data = jsonb_set(data, '{sku}', '"forged"') WHERE stream_id = 's3' AND version IN (2, 4);
            DELETE FROM {events} WHERE stream_id = 's1' AND version = 4;
            """);

        var report = await store.VerifyAllAsync();

        Assert.False(report.IsIntact);
        Assert.Equal(3, report.StreamsChecked);
        Assert.Equal(
            [("s1", 4L, IntegrityViolationKind.VersionGap), ("s3", 2L, IntegrityViolationKind.HashMismatch)],
            report.Violations.Select(v => (v.StreamId, v.Version.Value, v.Kind)));
    }

    [Fact]
    public async Task VerifyAll_FindsEventsWithoutAStreamRecord_AndRecordsWithoutEvents()
    {
        var (store, _) = await SeededStoreAsync();
        await using var _store = store;

        await Sql(store, "DELETE FROM {streams} WHERE id = 's3'; DELETE FROM {events} WHERE stream_id = 's2'");

        var report = await store.VerifyAllAsync();

        Assert.Equal(
            [("s2", 1L, IntegrityViolationKind.Missing), ("s3", 1L, IntegrityViolationKind.Missing)],
            report.Violations.Select(v => (v.StreamId, v.Version.Value, v.Kind)));
    }

    [Fact]
    public async Task StoreDigest_StillMatchesAfterNewAppends_ButNotAfterAPerfectForgery()
    {
        var (store, _) = await SeededStoreAsync();
        await using var _store = store;
        var recorded = await store.ComputeDigestAsync();
        var again = await store.ComputeDigestAsync(recorded.UpTo);

        await store.AppendAsync("s1", ExpectedVersion.Exactly(5), [Added("later")]);
        await store.AppendAsync("s4", ExpectedVersion.NoStream, [Added("new stream")]);
        var afterAppends = await store.CheckDigestAsync(recorded);

        // A forger who rewrites an event and recomputes every hash after it leaves the chains intact…
        await ForgeAsync(store, "s2", 2, """{"sku": "forged", "quantity": 1000}""");
        var verifyAfterForgery = await store.VerifyAllAsync();
        var afterForgery = await store.CheckDigestAsync(recorded);

        Assert.Equal(recorded, again);
        Assert.Equal(3, recorded.StreamCount);
        Assert.Equal(15, recorded.EventCount);
        Assert.Equal(64, recorded.Hash.Length);
        Assert.True(afterAppends.Matches);
        Assert.True(afterAppends.Report.IsIntact);
        Assert.True(verifyAfterForgery.IsIntact);
        // …but not the digest an auditor recorded before.
        Assert.False(afterForgery.Matches);
        Assert.NotEqual(recorded.Hash, afterForgery.Current.Hash);
    }

    [Fact]
    public async Task StoreDigest_ChangesWhenAWholeStreamDisappears()
    {
        var (store, _) = await SeededStoreAsync();
        await using var _store = store;
        var recorded = await store.ComputeDigestAsync();

        await Sql(store, "DELETE FROM {events} WHERE stream_id = 's2'; DELETE FROM {streams} WHERE id = 's2'");
        var check = await store.CheckDigestAsync(recorded);

        Assert.True(check.Report.IsIntact, "nothing is left to show the stream was there");
        Assert.False(check.Matches);
        Assert.Equal(2, check.Current.StreamCount);
    }

    [Fact]
    public async Task StoreDigest_IgnoresTamperingAfterItsCheckpoint_WhichVerifyAllStillFinds()
    {
        var (store, _) = await SeededStoreAsync();
        await using var _store = store;
        var recorded = await store.ComputeDigestAsync();
        await store.AppendAsync("s9", ExpectedVersion.NoStream, Many(2));

        await Sql(store, "UPDATE {events} SET data = jsonb_set(data, '{quantity}', '7') WHERE stream_id = 's9' AND version = 2");

        Assert.True((await store.CheckDigestAsync(recorded)).Matches);
        Assert.Equal("s9", Assert.Single((await store.VerifyAllAsync()).Violations).StreamId);
    }

    [Fact]
    public async Task ComputeDigest_OfADamagedStore_Fails()
    {
        var (store, _) = await SeededStoreAsync();
        await using var _store = store;
        await Sql(store, "DELETE FROM {events} WHERE stream_id = 's1' AND version = 2");

        var error = await Assert.ThrowsAsync<EventStoreIntegrityException>(() => store.ComputeDigestAsync());

        Assert.Equal("s1", Assert.Single(error.Report.Violations).StreamId);
    }

    [Fact]
    public async Task ComputeDigest_PastWhatIsFinal_IsRefused()
    {
        var (store, _) = await SeededStoreAsync();
        await using var _store = store;
        await using var connection = await OpenAsync(database);
        await using var open = await connection.BeginTransactionAsync();
        var pending = (await store.AppendAsync([new StreamAppend("pending", ExpectedVersion.NoStream, [Added("x")])], open))[0].Events[0];

        await Assert.ThrowsAsync<ArgumentException>(() => store.ComputeDigestAsync(pending.Checkpoint));
        await open.RollbackAsync();
    }

    /// <summary>A store with streams s1, s2, s3 of five events each, and each event's position.</summary>
    private async Task<(PostgresEventStore Store, Dictionary<(string, long), GlobalPosition> Positions)> SeededStoreAsync()
    {
        var store = Create(database);
        var positions = new Dictionary<(string, long), GlobalPosition>();
        foreach (var stream in new[] { "s1", "s2", "s3" })
        {
            for (var i = 1; i <= 5; i++)
            {
                var result = await store.AppendAsync(stream, ExpectedVersion.Any, [Added($"{stream}-{i}", i, Metadata)]);
                positions[(stream, i)] = result.Events[0].Position;
            }
        }
        return (store, positions);
    }

    private async Task Sql(PostgresEventStore store, string sql) =>
        await ExecuteAsync(database, sql.Replace("{events}", $"{store.Schema}.events", StringComparison.Ordinal).Replace("{streams}", $"{store.Schema}.streams", StringComparison.Ordinal));

    /// <summary>Rewrites one event's data and recomputes every hash from there on, as a forger who knows the scheme would.</summary>
    private async Task ForgeAsync(PostgresEventStore store, string streamId, long version, string data)
    {
        await using var connection = await OpenAsync(database);
        var events = new List<StoredEvent>();
        await using (var read = new NpgsqlCommand($"SELECT {EventStoreSql.EventColumns} FROM {store.Schema}.events AS e WHERE e.stream_id = $1 ORDER BY e.version", connection))
        {
            read.Parameters.Add(new NpgsqlParameter { Value = streamId });
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                events.Add(StoredEvent.Read(reader, 0));
            }
        }
        var previous = Array.Empty<byte>();
        foreach (var stored in events)
        {
            var content = stored.Version == version ? System.Text.Encoding.UTF8.GetBytes(data) : stored.Data;
            var digest = EventHashing.ContentDigest(
                stored.StreamId,
                stored.EventId,
                stored.TypeName,
                stored.SchemaVersion,
                Timestamps.ToUnixMicroseconds(stored.OccurredAt),
                CanonicalJson.Canonicalize(content),
                CanonicalJson.Canonicalize(stored.Metadata));
            var hash = new byte[EventHashing.HashSize];
            EventHashing.ChainHash(previous, stored.Version, Timestamps.ToUnixMicroseconds(stored.RecordedAt), digest, hash);
            await using var update = new NpgsqlCommand($"UPDATE {store.Schema}.events SET data = $1, hash = $2 WHERE stream_id = $3 AND version = $4", connection);
            update.Parameters.Add(new NpgsqlParameter { Value = content, NpgsqlDbType = NpgsqlDbType.Jsonb });
            update.Parameters.Add(new NpgsqlParameter { Value = hash });
            update.Parameters.Add(new NpgsqlParameter { Value = streamId });
            update.Parameters.Add(new NpgsqlParameter { Value = stored.Version });
            await update.ExecuteNonQueryAsync();
            previous = hash;
        }
        await using var head = new NpgsqlCommand($"UPDATE {store.Schema}.streams SET head_hash = $1 WHERE id = $2", connection);
        head.Parameters.Add(new NpgsqlParameter { Value = previous });
        head.Parameters.Add(new NpgsqlParameter { Value = streamId });
        await head.ExecuteNonQueryAsync();
    }
}
