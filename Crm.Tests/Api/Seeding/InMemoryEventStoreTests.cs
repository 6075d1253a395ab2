using Crm.Api.Seeding;
using Crm.EventStore;
using Crm.Tests.EventStore;

namespace Crm.Tests.Api.Seeding;

public sealed class InMemoryEventStoreTests
{
    private static InMemoryEventStore Create() => new(TestStores.Types());

    private static EventData[] Items(params string[] skus) => [.. skus.Select(s => new EventData(new ItemAdded(s, 1)))];

    [Fact]
    public async Task GivenStreamAtVersionTwo_WhenAppendExpectsOne_ThenWrongExpectedVersion_AndNothingWritten()
    {
        var store = Create();
        await store.AppendAsync("s", ExpectedVersion.NoStream, Items("a", "b"));

        var refused = await Assert.ThrowsAsync<WrongExpectedVersionException>(() => store.AppendAsync("s", ExpectedVersion.Exactly(1), Items("c")));

        Assert.Equal(new StreamVersion(2), refused.ActualVersion);
        Assert.Equal(new StreamVersion(2), (await store.GetStreamAsync("s"))!.Version);
        Assert.Equal(2, store.Count);
    }

    [Fact]
    public async Task NoStream_IsRefusedForAnExistingStream_StreamExistsForAMissingOne()
    {
        var store = Create();
        await store.AppendAsync("s", ExpectedVersion.NoStream, Items("a"));

        await Assert.ThrowsAsync<WrongExpectedVersionException>(() => store.AppendAsync("s", ExpectedVersion.NoStream, Items("b")));
        await Assert.ThrowsAsync<WrongExpectedVersionException>(() => store.AppendAsync("t", ExpectedVersion.StreamExists, Items("b")));
        var appended = await store.AppendAsync("s", ExpectedVersion.Exactly(1), Items("b"));
        Assert.Equal(new StreamVersion(2), appended.Version);
    }

    [Fact]
    public async Task MultiStreamAppend_WithOneWrongVersion_WritesNoStream()
    {
        var store = Create();
        await store.AppendAsync("a", ExpectedVersion.NoStream, Items("1"));

        await Assert.ThrowsAsync<WrongExpectedVersionException>(() => store.AppendAsync(
        [
            new StreamAppend("b", ExpectedVersion.NoStream, Items("2")),
            new StreamAppend("a", ExpectedVersion.NoStream, Items("3")),
        ]));

        Assert.Null(await store.GetStreamAsync("b"));
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public async Task ConcurrentAppendsAtTheSameVersion_OnlyOneWins()
    {
        var store = Create();
        await store.AppendAsync("s", ExpectedVersion.NoStream, Items("0"));

        var attempts = Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            try
            {
                await store.AppendAsync("s", ExpectedVersion.Exactly(1), Items($"w{i}"));
                return true;
            }
            catch (WrongExpectedVersionException)
            {
                return false;
            }
        }));
        var outcomes = await Task.WhenAll(attempts);

        Assert.Single(outcomes, won => won);
        Assert.Equal(new StreamVersion(2), (await store.GetStreamAsync("s"))!.Version);
    }

    [Fact]
    public async Task ReadStream_PagesForwardAndBackward_LikeTheDatabase()
    {
        var store = Create();
        await store.AppendAsync("s", ExpectedVersion.NoStream, Items("a", "b", "c", "d", "e"));

        var first = await store.ReadStreamAsync("s", new ReadStreamOptions { MaxCount = 2 });
        var last = await store.ReadStreamAsync("s", new ReadStreamOptions { Direction = ReadDirection.Backward, MaxCount = 1 });
        var middle = await store.ReadStreamAsync("s", new ReadStreamOptions { FromVersion = first.NextVersion, UpToVersion = new StreamVersion(4) });

        Assert.Equal(["a", "b"], first.Events.Select(e => ((ItemAdded)e.Data).Sku));
        Assert.Equal(new StreamVersion(3), first.NextVersion);
        Assert.Equal("e", ((ItemAdded)last.Events.Single().Data).Sku);
        Assert.Equal(new StreamVersion(4), last.NextVersion);
        Assert.Equal(["c", "d"], middle.Events.Select(e => ((ItemAdded)e.Data).Sku));
        Assert.True(middle.IsEnd);
    }

    [Fact]
    public async Task Aggregate_FoldsAppendsMadeAfterAnEarlierFold_AndTimeTravelsByVersion()
    {
        var store = Create();
        Func<int, RecordedEvent, int> count = (n, e) => n + ((ItemAdded)e.Data).Quantity;
        await store.AppendAsync("s", ExpectedVersion.NoStream, [new EventData(new ItemAdded("a", 2)), new EventData(new ItemAdded("b", 3))]);
        var before = await store.AggregateAsync("s", 0, count);

        await store.AppendAsync("s", ExpectedVersion.Exactly(2), [new EventData(new ItemAdded("c", 10))]);
        var after = await store.AggregateAsync("s", 0, count);
        var asOfOne = await store.AggregateAsync("s", 0, count, upToVersion: new StreamVersion(1));
        var fromHundred = await store.AggregateAsync("s", 100, count);

        Assert.Equal(new AggregateResult<int>(5, new StreamVersion(2)), before);
        Assert.Equal(new AggregateResult<int>(15, new StreamVersion(3)), after);
        Assert.Equal(new AggregateResult<int>(2, new StreamVersion(1)), asOfOne);
        Assert.Equal(new AggregateResult<int>(115, new StreamVersion(3)), fromHundred);
    }

    [Fact]
    public async Task TakePending_ContinuesEachStreamFromWhereTheLastTakeLeftIt()
    {
        var store = Create();
        await store.AppendAsync("s", ExpectedVersion.NoStream, Items("a", "b"));
        await store.AppendAsync([new StreamAppend("t", ExpectedVersion.NoStream, Items("x")) { StreamType = "thing" }]);
        var firstTake = store.TakePending();

        await store.AppendAsync("s", ExpectedVersion.Exactly(2), Items("c"));
        var secondTake = store.TakePending();

        Assert.Equal(["s", "t"], firstTake.Select(a => a.StreamId));
        Assert.Equal(ExpectedVersion.NoStream, firstTake[0].ExpectedVersion);
        Assert.Equal("thing", firstTake[1].StreamType);
        var continued = Assert.Single(secondTake);
        Assert.Equal(ExpectedVersion.Exactly(2), continued.ExpectedVersion);
        Assert.Equal(["c"], continued.Events.Select(e => ((ItemAdded)e.Data).Sku));
        Assert.Empty(store.TakePending());
    }

    [Fact]
    public async Task UnregisteredEventType_IsRefused_AndNothingWritten()
    {
        var store = Create();

        await Assert.ThrowsAsync<UnknownEventTypeException>(() => store.AppendAsync("s", ExpectedVersion.Any, [new EventData(new { Unknown = 1 })]));

        Assert.Null(await store.GetStreamAsync("s"));
    }
}
