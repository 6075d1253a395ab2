using Crm.EventStore;
using Crm.Tests.Infrastructure;
using static Crm.Tests.EventStore.TestStores;

namespace Crm.Tests.EventStore;

/// <summary>Bad input gets an exception that names the problem, and nothing is written.</summary>
public sealed class BadInputTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    public sealed record Unregistered(string Value);

    public sealed record WithText(string Text);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("tab\there")]
    public async Task InvalidStreamId_IsRefused(string streamId)
    {
        await using var store = Create(database);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.AppendAsync(streamId, ExpectedVersion.Any, [Added("a")]));

        await AssertNothingWrittenAsync(store);
    }

    [Fact]
    public async Task NullOrOverlongStreamId_IsRefused()
    {
        await using var store = Create(database);

        await Assert.ThrowsAsync<ArgumentNullException>(() => store.AppendAsync(null!, ExpectedVersion.Any, [Added("a")]));
        var tooLong = await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync(new string('x', 513), ExpectedVersion.Any, [Added("a")]));
        Assert.Contains("512", tooLong.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => store.ReadStreamAsync(""));

        await AssertNothingWrittenAsync(store);
    }

    [Fact]
    public async Task MissingEmptyOrNullEvents_AreRefused()
    {
        await using var store = Create(database);

        await Assert.ThrowsAsync<ArgumentNullException>(() => store.AppendAsync("s", ExpectedVersion.Any, null!));
        var empty = await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync("s", ExpectedVersion.Any, []));
        var withNull = await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync("s", ExpectedVersion.Any, [Added("a"), null!]));
        Assert.Throws<ArgumentNullException>(() => new EventData(null!));

        Assert.Contains("no events", empty.Message, StringComparison.Ordinal);
        Assert.Contains("Event 1", withNull.Message, StringComparison.Ordinal);
        await AssertNothingWrittenAsync(store);
    }

    [Fact]
    public async Task UnregisteredEventType_IsRefused_EvenAfterValidEventsOfOtherStreams()
    {
        await using var store = Create(database);

        var error = await Assert.ThrowsAsync<UnknownEventTypeException>(() => store.AppendAsync(
        [
            new StreamAppend("fine", ExpectedVersion.Any, [Added("a")]),
            new StreamAppend("bad", ExpectedVersion.Any, [Added("b"), new EventData(new Unregistered("?"))]),
        ]));

        Assert.Equal(typeof(Unregistered), error.ClrType);
        Assert.Contains("not a registered event type", error.Message, StringComparison.Ordinal);
        await AssertNothingWrittenAsync(store);
    }

    [Fact]
    public async Task DataPostgreSqlCannotStore_IsRefusedBeforeSending()
    {
        var types = new EventTypeRegistry().Register<WithText>("with-text");
        await using var store = Create(database, types);

        var nul = await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync("s", ExpectedVersion.Any, [new EventData(new WithText("a\0b"))]));
        var surrogate = await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync("s", ExpectedVersion.Any,
            [new EventData(new WithText("ok"), new EventMetadata { Headers = new Dictionary<string, string> { ["h"] = "\ud800" } })]));
        var header = await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync("s", ExpectedVersion.Any,
            [new EventData(new WithText("ok"), new EventMetadata { ActorId = "nul\0" })]));

        Assert.Contains("U+0000", nul.Message, StringComparison.Ordinal);
        Assert.Contains("'s'", nul.Message, StringComparison.Ordinal);
        Assert.Contains("surrogate", surrogate.Message, StringComparison.Ordinal);
        Assert.Contains("U+0000", header.Message, StringComparison.Ordinal);
        await AssertNothingWrittenAsync(store);
    }

    [Fact]
    public async Task SameStreamTwiceInOneAppend_IsRefused()
    {
        await using var store = Create(database);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync(
        [
            new StreamAppend("s", ExpectedVersion.Any, [Added("a")]),
            new StreamAppend("s", ExpectedVersion.Any, [Added("b")]),
        ]));

        Assert.Contains("twice", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync([]));
        await Assert.ThrowsAsync<ArgumentException>(() => store.ImportAsync([new StreamAppend("", ExpectedVersion.Any, [Added("a")])]));
        await AssertNothingWrittenAsync(store);
    }

    [Fact]
    public async Task InvalidPageSizes_AreRefused()
    {
        await using var store = Create(database);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ReadStreamAsync("s", new ReadStreamOptions { MaxCount = 0 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ReadAllAsync(Checkpoint.Start, new ReadAllOptions { MaxCount = 10_001 }));
        await Assert.ThrowsAsync<ArgumentException>(() => store.ReadAllAsync(Checkpoint.Start, new ReadAllOptions { EventTypes = [] }));
        await Assert.ThrowsAsync<UnknownEventTypeException>(() => store.ReadAllAsync(Checkpoint.Start, new ReadAllOptions { EventTypes = [typeof(Unregistered)] }));
    }

    private async Task AssertNothingWrittenAsync(Crm.EventStore.Postgres.PostgresEventStore store)
    {
        await store.InitializeAsync();
        Assert.Equal(0, await ScalarAsync(database, $"SELECT count(*) FROM {store.Schema}.events"));
        Assert.Equal(0, await ScalarAsync(database, $"SELECT count(*) FROM {store.Schema}.streams"));
    }
}
