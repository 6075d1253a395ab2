using Crm.EventStore;
using Crm.Tests.Infrastructure;
using static Crm.Tests.EventStore.TestStores;

namespace Crm.Tests.EventStore;

public sealed class ExpectedVersionTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task NoStream_OnANewStream_CreatesIt_AndASecondNoStreamIsRefused()
    {
        await using var store = Create(database);

        var first = await store.AppendAsync("s", ExpectedVersion.NoStream, [Added("a"), Added("b")]);
        var refused = await Assert.ThrowsAsync<WrongExpectedVersionException>(
            () => store.AppendAsync("s", ExpectedVersion.NoStream, [Added("c")]));

        Assert.Equal(new StreamVersion(2), first.Version);
        Assert.Equal([1L, 2L], first.Events.Select(e => e.Version.Value));
        Assert.Equal("s", refused.StreamId);
        Assert.Equal(ExpectedVersion.NoStream, refused.ExpectedVersion);
        Assert.Equal(new StreamVersion(2), refused.ActualVersion);
        var page = await store.ReadStreamAsync("s");
        Assert.Equal(["a", "b"], page.Events.Select(e => ((ItemAdded)e.Data).Sku));
    }

    [Fact]
    public async Task Exactly_TheCurrentVersion_Appends_AndAStaleVersionIsRefusedWithNothingWritten()
    {
        await using var store = Create(database);
        await store.AppendAsync("s", ExpectedVersion.NoStream, [Added("a")]);

        var second = await store.AppendAsync("s", ExpectedVersion.Exactly(1), [Added("b")]);
        var refused = await Assert.ThrowsAsync<WrongExpectedVersionException>(
            () => store.AppendAsync("s", ExpectedVersion.Exactly(1), [Added("stale"), Added("stale too")]));

        Assert.Equal(new StreamVersion(2), second.Version);
        Assert.Equal(ExpectedVersion.Exactly(1), refused.ExpectedVersion);
        Assert.Equal(new StreamVersion(2), refused.ActualVersion);
        Assert.Contains("'s'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("version 1", refused.Message, StringComparison.Ordinal);
        Assert.Contains("version 2", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await store.ReadStreamAsync("s")).Events.Count);
        Assert.Equal(new StreamVersion(2), (await store.GetStreamAsync("s"))!.Version);
    }

    [Fact]
    public async Task Exactly_AVersionAheadOfTheStream_IsRefused()
    {
        await using var store = Create(database);
        await store.AppendAsync("s", ExpectedVersion.Any, [Added("a")]);

        var refused = await Assert.ThrowsAsync<WrongExpectedVersionException>(
            () => store.AppendAsync("s", ExpectedVersion.Exactly(5), [Added("b")]));

        Assert.Equal(new StreamVersion(1), refused.ActualVersion);
    }

    [Fact]
    public async Task Exactly_OnAMissingStream_IsRefused_ButExactlyZeroMeansNoStream()
    {
        await using var store = Create(database);

        var refused = await Assert.ThrowsAsync<WrongExpectedVersionException>(
            () => store.AppendAsync("missing", ExpectedVersion.Exactly(3), [Added("a")]));
        var created = await store.AppendAsync("fresh", ExpectedVersion.Exactly(0), [Added("a")]);

        Assert.Equal(StreamVersion.None, refused.ActualVersion);
        Assert.Contains("does not exist", refused.Message, StringComparison.Ordinal);
        Assert.Null(await store.GetStreamAsync("missing"));
        Assert.Equal(new StreamVersion(1), created.Version);
        Assert.Equal(ExpectedVersion.NoStream, ExpectedVersion.Exactly(0));
    }

    [Fact]
    public async Task Any_AppendsWhateverTheVersion_AndCreatesTheStream()
    {
        await using var store = Create(database);

        var first = await store.AppendAsync("s", ExpectedVersion.Any, [Added("a")]);
        var second = await store.AppendAsync("s", ExpectedVersion.Any, [Added("b"), Added("c")]);

        Assert.Equal(new StreamVersion(1), first.Version);
        Assert.Equal(new StreamVersion(3), second.Version);
        Assert.Equal([2L, 3L], second.Events.Select(e => e.Version.Value));
    }

    [Fact]
    public async Task StreamExists_RefusesAMissingStream_AndAppendsToAnExistingOne()
    {
        await using var store = Create(database);

        var refused = await Assert.ThrowsAsync<WrongExpectedVersionException>(
            () => store.AppendAsync("s", ExpectedVersion.StreamExists, [Added("a")]));
        await store.AppendAsync("s", ExpectedVersion.NoStream, [Added("a")]);
        var appended = await store.AppendAsync("s", ExpectedVersion.StreamExists, [Added("b")]);

        Assert.Equal(StreamVersion.None, refused.ActualVersion);
        Assert.Equal(new StreamVersion(2), appended.Version);
    }

    [Fact]
    public async Task ArchivedStream_StaysReadable_ButRefusesAppends()
    {
        await using var store = Create(database);
        await store.AppendAsync("s", ExpectedVersion.NoStream, [Added("a")]);

        Assert.True(await store.ArchiveStreamAsync("s"));
        var refused = await Assert.ThrowsAsync<StreamArchivedException>(() => store.AppendAsync("s", ExpectedVersion.Any, [Added("b")]));

        Assert.Equal("s", refused.StreamId);
        Assert.True((await store.GetStreamAsync("s"))!.IsArchived);
        Assert.Single((await store.ReadStreamAsync("s")).Events);
        Assert.False(await store.ArchiveStreamAsync("missing"));
    }

    [Fact]
    public async Task AppendResult_CarriesTheRecordedEvents_WithPositionsCheckpointsAndTheDatabaseClock()
    {
        await using var store = Create(database);
        await store.InitializeAsync();
        var before = await DatabaseNowAsync();

        var metadata = new EventMetadata
        {
            ActorId = "user-7",
            ActorRole = "Operator",
            CorrelationId = "corr-1",
            CausationId = "cmd-1",
            OccurredAt = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(2)).AddTicks(1234567),
            Headers = new Dictionary<string, string> { ["source"] = "test", ["trace"] = "abc" },
        };
        var result = await store.AppendAsync("s", ExpectedVersion.NoStream, [Added("a", 1, metadata), Added("b", 2, metadata)]);
        var after = await DatabaseNowAsync();
        var read = (await store.ReadStreamAsync("s")).Events;

        Assert.Equal(2, result.Events.Count);
        Assert.True(result.Events[1].Position > result.Events[0].Position);
        Assert.Equal(result.Events[0].Checkpoint.TransactionId, result.Events[1].Checkpoint.TransactionId);
        Assert.InRange(result.Events[0].RecordedAt, before, after);
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(result.Events[i].EventId, read[i].EventId);
            Assert.Equal(result.Events[i].Position, read[i].Position);
            Assert.Equal(result.Events[i].Checkpoint, read[i].Checkpoint);
            Assert.Equal(result.Events[i].RecordedAt, read[i].RecordedAt);
            Assert.Equal(result.Events[i].Hash.ToArray(), read[i].Hash.ToArray());
            Assert.Equal(result.Events[i].Data, read[i].Data);
        }
        var stored = read[0].Metadata;
        Assert.Equal("user-7", stored.ActorId);
        Assert.Equal("Operator", stored.ActorRole);
        Assert.Equal("corr-1", stored.CorrelationId);
        Assert.Equal("cmd-1", stored.CausationId);
        Assert.Equal("abc", stored.Headers!["trace"]);
        // PostgreSQL keeps microseconds: the sub-microsecond tick is dropped, the instant is kept.
        Assert.Equal(metadata.OccurredAt.Value.AddTicks(-7), read[0].OccurredAt);
        Assert.Equal(result.Events[0].OccurredAt, read[0].OccurredAt);
        Assert.Equal("item-added", read[0].TypeName);
        Assert.Equal(1, read[0].SchemaVersion);
    }

    private async Task<DateTimeOffset> DatabaseNowAsync()
    {
        await using var command = database.DataSource.CreateCommand("SELECT clock_timestamp()");
        return (DateTime)(await command.ExecuteScalarAsync())!;
    }
}
