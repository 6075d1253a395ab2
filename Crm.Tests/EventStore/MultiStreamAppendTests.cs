using Crm.EventStore;
using Crm.Tests.Infrastructure;
using static Crm.Tests.EventStore.TestStores;

namespace Crm.Tests.EventStore;

public sealed class MultiStreamAppendTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task AppendToSeveralStreams_WritesAllInOneTransaction_DeliveredTogether()
    {
        await using var store = Create(database);
        await store.AppendAsync("b", ExpectedVersion.NoStream, [Added("b1")]);

        var results = await store.AppendAsync(
        [
            new StreamAppend("a", ExpectedVersion.NoStream, [Added("a1"), Added("a2")]) { StreamType = "basket" },
            new StreamAppend("b", ExpectedVersion.Exactly(1), [Added("b2")]),
        ]);

        Assert.Equal(["a", "b"], results.Select(r => r.StreamId));
        Assert.Equal(new StreamVersion(2), results[0].Version);
        Assert.Equal(new StreamVersion(2), results[1].Version);
        var written = results.SelectMany(r => r.Events).ToList();
        Assert.Single(written.Select(e => e.Checkpoint.TransactionId).Distinct());
        Assert.Equal("basket", (await store.GetStreamAsync("a"))!.StreamType);
        var everything = await ReadEventuallyAsync(store, 4);
        Assert.Equal(["b1", "a1", "a2", "b2"], everything.Select(e => ((ItemAdded)e.Data).Sku));
    }

    [Fact]
    public async Task OneStreamsExpectationFails_NothingIsWrittenToAnyStream()
    {
        await using var store = Create(database);
        await store.AppendAsync("b", ExpectedVersion.NoStream, [Added("b1"), Added("b2")]);

        var refused = await Assert.ThrowsAsync<WrongExpectedVersionException>(() => store.AppendAsync(
        [
            new StreamAppend("a", ExpectedVersion.NoStream, [Added("a1")]),
            new StreamAppend("b", ExpectedVersion.Exactly(1), [Added("b3")]),
            new StreamAppend("c", ExpectedVersion.Any, [Added("c1")]),
        ]));

        Assert.Equal("b", refused.StreamId);
        Assert.Equal(new StreamVersion(2), refused.ActualVersion);
        Assert.Null(await store.GetStreamAsync("a"));
        Assert.Null(await store.GetStreamAsync("c"));
        Assert.Equal(2, (await store.ReadStreamAsync("b")).Events.Count);
        Assert.Equal(2, (await ReadEventuallyAsync(store, 2)).Count);
    }

    [Fact]
    public async Task AnArchivedStreamInTheAppend_StopsTheWholeAppend()
    {
        await using var store = Create(database);
        await store.AppendAsync("closed", ExpectedVersion.NoStream, [Added("x")]);
        await store.ArchiveStreamAsync("closed");

        await Assert.ThrowsAsync<StreamArchivedException>(() => store.AppendAsync(
        [
            new StreamAppend("open", ExpectedVersion.Any, [Added("a1")]),
            new StreamAppend("closed", ExpectedVersion.Any, [Added("x2")]),
        ]));

        Assert.Null(await store.GetStreamAsync("open"));
    }

    [Fact]
    public async Task AppendsTouchingTheSameStreamsInOppositeOrders_DoNotDeadlock()
    {
        await using var store = Create(database);
        await store.InitializeAsync();

        var appends = Enumerable.Range(0, 40).Select(i => Task.Run(() => store.AppendAsync(
            i % 2 == 0
                ? [new StreamAppend("left", ExpectedVersion.Any, [Added($"l{i}")]), new StreamAppend("right", ExpectedVersion.Any, [Added($"r{i}")])]
                : [new StreamAppend("right", ExpectedVersion.Any, [Added($"r{i}")]), new StreamAppend("left", ExpectedVersion.Any, [Added($"l{i}")])])));
        await Task.WhenAll(appends);

        Assert.Equal(new StreamVersion(40), (await store.GetStreamAsync("left"))!.Version);
        Assert.Equal(new StreamVersion(40), (await store.GetStreamAsync("right"))!.Version);
        Assert.True((await store.VerifyAllAsync()).IsIntact);
    }
}
