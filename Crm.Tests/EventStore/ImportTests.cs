using Crm.EventStore;
using Crm.Tests.Infrastructure;
using static Crm.Tests.EventStore.TestStores;

namespace Crm.Tests.EventStore;

public sealed class ImportTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Import_WritesManyStreamsWithCopy_ReadableVerifiableAndInTheCatchUpRead()
    {
        await using var store = Create(database);

        var result = await store.ImportAsync(
        [
            new StreamAppend("i1", ExpectedVersion.NoStream, Many(500, "i1")) { StreamType = "imported" },
            new StreamAppend("i2", ExpectedVersion.NoStream, Many(300, "i2")),
            new StreamAppend("i3", ExpectedVersion.Any, Many(1, "i3")),
        ]);

        Assert.Equal(new ImportResult(3, 801), result);
        var i1 = await store.ReadStreamAsync("i1", new ReadStreamOptions { MaxCount = 1000 });
        Assert.Equal(Enumerable.Range(1, 500).Select(v => (long)v), i1.Events.Select(e => e.Version.Value));
        Assert.Equal(Enumerable.Range(1, 500).Select(i => $"i1-{i}"), i1.Events.Select(e => ((ItemAdded)e.Data).Sku));
        Assert.Equal("imported", (await store.GetStreamAsync("i1"))!.StreamType);
        Assert.Equal(new StreamVersion(300), (await store.GetStreamAsync("i2"))!.Version);
        Assert.True((await store.VerifyAllAsync()).IsIntact);
        var everything = await ReadEventuallyAsync(store, 801);
        Assert.Equal(801, everything.Count);
        Assert.Single(everything.Select(e => e.Checkpoint.TransactionId).Distinct());
    }

    [Fact]
    public async Task Import_ContinuesExistingStreams_AndAppendsContinueAfterIt()
    {
        await using var store = Create(database);
        await store.AppendAsync("s", ExpectedVersion.NoStream, Many(3));

        await store.ImportAsync([new StreamAppend("s", ExpectedVersion.Exactly(3), Many(4, "imported"))]);
        var after = await store.AppendAsync("s", ExpectedVersion.Exactly(7), [Added("appended")]);

        Assert.Equal(new StreamVersion(8), after.Version);
        Assert.Equal(Enumerable.Range(1, 8).Select(v => (long)v), (await store.ReadStreamAsync("s")).Events.Select(e => e.Version.Value));
        Assert.True((await store.VerifyStreamAsync("s")).IsIntact);
    }

    [Fact]
    public async Task Import_WithAWrongExpectation_WritesNothing()
    {
        await using var store = Create(database);
        await store.AppendAsync("taken", ExpectedVersion.NoStream, Many(2));

        var error = await Assert.ThrowsAsync<WrongExpectedVersionException>(() => store.ImportAsync(
        [
            new StreamAppend("new", ExpectedVersion.NoStream, Many(10)),
            new StreamAppend("taken", ExpectedVersion.NoStream, Many(10)),
        ]));

        Assert.Equal("taken", error.StreamId);
        Assert.Equal(new StreamVersion(2), error.ActualVersion);
        Assert.Null(await store.GetStreamAsync("new"));
        Assert.Equal(2, await ScalarAsync(database, $"SELECT count(*) FROM {store.Schema}.events"));
    }

    [Fact]
    public async Task Import_IntoAnArchivedStream_IsRefused()
    {
        await using var store = Create(database);
        await store.AppendAsync("old", ExpectedVersion.NoStream, Many(1));
        await store.ArchiveStreamAsync("old");

        await Assert.ThrowsAsync<StreamArchivedException>(() => store.ImportAsync([new StreamAppend("old", ExpectedVersion.Any, Many(3))]));

        Assert.Equal(new StreamVersion(1), (await store.GetStreamAsync("old"))!.Version);
    }

    [Fact]
    public async Task Import_WithAnEventThatCannotBeStored_PartWay_WritesNothing()
    {
        await using var store = Create(database);
        var events = Many(3000).Concat([new EventData(new NoteWritten("nul \0 inside"))]).Concat(Many(10, "after")).ToArray();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.ImportAsync(
        [
            new StreamAppend("first", ExpectedVersion.NoStream, Many(100)),
            new StreamAppend("broken", ExpectedVersion.NoStream, events),
        ]));

        Assert.Contains("Event 3000", error.Message, StringComparison.Ordinal);
        Assert.Contains("'broken'", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await ScalarAsync(database, $"SELECT count(*) FROM {store.Schema}.events"));
        Assert.Equal(0, await ScalarAsync(database, $"SELECT count(*) FROM {store.Schema}.streams"));
    }

    [Fact]
    public async Task Import_WithAnUnregisteredType_IsRefusedBeforeWriting()
    {
        await using var store = Create(database);

        await Assert.ThrowsAsync<UnknownEventTypeException>(() => store.ImportAsync(
            [new StreamAppend("s", ExpectedVersion.NoStream, [Added("a"), new EventData(new BadInputTests.Unregistered("x"))])]));

        await store.InitializeAsync();
        Assert.Equal(0, await ScalarAsync(database, $"SELECT count(*) FROM {store.Schema}.events"));
    }
}
