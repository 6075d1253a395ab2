using Crm.EventStore;
using Crm.EventStore.Postgres;
using Crm.Messaging;
using Crm.Tests.Infrastructure;

namespace Crm.Tests.Messaging;

public sealed class AggregateHandlerTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private static readonly AggregateDefinition<Counter, CounterEvent> CounterAggregate =
        new(new Counter(0, 0), (state, e) => e switch
        {
            Incremented i => state with { Value = state.Value + i.By, Changes = state.Changes + 1 },
            _ => state,
        });

    private PostgresEventStore _store = null!;
    private AggregateHandler _handler = null!;

    public async Task InitializeAsync()
    {
        _store = new PostgresEventStore(new EventStoreOptions
        {
            DataSource = database.DataSource,
            Schema = "handler_" + Guid.NewGuid().ToString("N")[..8],
            Types = new EventTypeRegistry().Register<Incremented>("incremented"),
        });
        await _store.InitializeAsync();
        _handler = new AggregateHandler(_store, new AggregateHandlerOptions { MaxAttempts = 50 });
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task AcceptedCommand_AppendsItsEvents_AndReturnsTheNewStateAndVersion()
    {
        var stream = NewStream();

        var result = await Increment(stream, 5);

        Assert.Equal(CommandOutcome.Accepted, result.Outcome);
        Assert.Equal(new Counter(5, 1), result.State);
        Assert.Equal(new StreamVersion(1), result.Version);
        var stored = await _store.ReadStreamAsync(stream);
        Assert.Equal(5, Assert.IsType<Incremented>(Assert.Single(stored.Events).Data).By);
    }

    [Fact]
    public async Task RefusedCommand_WritesNothing_AndReturnsTheError()
    {
        var stream = NewStream();
        await Increment(stream, 1);

        var result = await Increment(stream, -3);

        Assert.Equal(CommandOutcome.Refused, result.Outcome);
        Assert.Equal("must be positive", result.Error);
        Assert.Equal(new StreamVersion(1), (await _store.GetStreamAsync(stream))!.Version);
    }

    [Fact]
    public async Task StaleExpectedVersion_IsReturnedAsAConflict_AndNothingIsWritten()
    {
        var stream = NewStream();
        await Increment(stream, 1);
        await Increment(stream, 1);

        var result = await Increment(stream, 10, expected: new StreamVersion(1));

        Assert.Equal(CommandOutcome.Conflict, result.Outcome);
        Assert.Equal(new StreamVersion(2), result.Conflict!.ActualVersion);
        Assert.Equal(2, (await _store.AggregateAsync(stream, 0, (s, e) => s + ((Incremented)e.Data).By)).State);
    }

    [Fact]
    public async Task MatchingExpectedVersion_IsAccepted()
    {
        var stream = NewStream();
        await Increment(stream, 1);

        var result = await Increment(stream, 2, expected: new StreamVersion(1));

        Assert.Equal(CommandOutcome.Accepted, result.Outcome);
        Assert.Equal(3, result.State.Value);
    }

    [Fact]
    public async Task TwentyConcurrentCommandsOnOneStream_AreAllApplied_NoneLost()
    {
        var stream = NewStream();

        var results = await Task.WhenAll(Enumerable.Range(1, 20).Select(_ => Task.Run(() => Increment(stream, 1))));

        Assert.All(results, r => Assert.Equal(CommandOutcome.Accepted, r.Outcome));
        var versions = results.Select(r => r.Version.Value).Order().ToArray();
        Assert.Equal(Enumerable.Range(1, 20).Select(v => (long)v), versions);
        var total = await _store.AggregateAsync(stream, 0, (s, e) => s + ((Incremented)e.Data).By);
        Assert.Equal(20, total.State);
        Assert.Contains(results, r => r.Attempts > 1);
    }

    [Fact]
    public async Task ExhaustedRetries_EndInAConflict_NotAnException()
    {
        var stream = NewStream();
        var impatient = new AggregateHandler(_store, new AggregateHandlerOptions { MaxAttempts = 1 });
        var gate = new TaskCompletionSource();

        // Every decision waits until all commands have loaded the same version, so all but one lose.
        var loaded = 0;
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => impatient.HandleAsync(
            stream, CounterAggregate,
            state =>
            {
                if (Interlocked.Increment(ref loaded) == 4)
                {
                    gate.SetResult();
                }
                gate.Task.Wait(TimeSpan.FromSeconds(10));
                return CommandDecision.Accept<CounterEvent, string>([new Incremented(1)]);
            },
            new CommandMetadata()))));

        Assert.Equal(1, results.Count(r => r.Outcome == CommandOutcome.Accepted));
        Assert.Equal(3, results.Count(r => r.Outcome == CommandOutcome.Conflict));
    }

    [Fact]
    public async Task Metadata_FlowsIntoEveryEvent()
    {
        var stream = NewStream();
        var occurred = new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);
        var metadata = new CommandMetadata
        {
            ActorId = "agent-7",
            ActorRole = "Agent",
            CorrelationId = "request-42",
            CausationId = "command-1",
            OccurredAt = occurred,
        };

        await _handler.HandleAsync(stream, CounterAggregate, _ => CommandDecision.Accept<CounterEvent, string>([new Incremented(1), new Incremented(2)]), metadata);

        var events = (await _store.ReadStreamAsync(stream)).Events;
        Assert.Equal(2, events.Count);
        Assert.All(events, e =>
        {
            Assert.Equal("agent-7", e.Metadata.ActorId);
            Assert.Equal("Agent", e.Metadata.ActorRole);
            Assert.Equal("request-42", e.Metadata.CorrelationId);
            Assert.Equal("command-1", e.Metadata.CausationId);
            Assert.Equal(occurred, e.OccurredAt);
        });
    }

    [Fact]
    public async Task CommandThatChangesNothing_WritesNothing()
    {
        var stream = NewStream();

        var result = await _handler.HandleAsync(stream, CounterAggregate, _ => CommandDecision.Accept<CounterEvent, string>([]), new CommandMetadata());

        Assert.Equal(CommandOutcome.Accepted, result.Outcome);
        Assert.Equal(StreamVersion.None, result.Version);
        Assert.Null(await _store.GetStreamAsync(stream));
    }

    [Fact]
    public async Task GivenAKeptState_WhenAnotherWriterAppends_ThenTheNextCommandFoldsTheirEventsToo()
    {
        var stream = NewStream();
        var other = new AggregateHandler(_store);
        await Increment(stream, 1);
        await Increment(other, stream, 10);
        await Increment(other, stream, 100);
        await _store.AppendAsync(stream, ExpectedVersion.Exactly(new StreamVersion(3)), [new EventData(new Incremented(1000))]);

        var result = await Increment(stream, 10_000);

        Assert.Equal(CommandOutcome.Accepted, result.Outcome);
        Assert.Equal((new Counter(11_111, 5), new StreamVersion(5)), (result.State, result.Version));
        Assert.Equal(1, result.Attempts);
    }

    [Fact]
    public async Task GivenAKeptState_WhenTheCallerExpectsAnOlderVersion_ThenConflictAndTheNextCommandStillSeesEverything()
    {
        var stream = NewStream();
        await Increment(stream, 1);
        await Increment(stream, 2);

        var stale = await Increment(stream, 4, expected: new StreamVersion(1));
        var next = await Increment(stream, 8);

        Assert.Equal(CommandOutcome.Conflict, stale.Outcome);
        Assert.Equal((new Counter(11, 3), new StreamVersion(3)), (next.State, next.Version));
    }

    [Fact]
    public async Task GivenASmallStateCache_WhenManyStreamsAreHandled_ThenItStaysBoundedAndEveryStateIsRight()
    {
        var handler = new AggregateHandler(_store, new AggregateHandlerOptions { StateCacheCapacity = 4 });
        var streams = Enumerable.Range(0, 12).Select(_ => NewStream()).ToArray();
        for (var round = 1; round <= 3; round++)
        {
            foreach (var stream in streams)
            {
                var result = await Increment(handler, stream, round);
                Assert.Equal(new Counter(round * (round + 1) / 2, round), result.State);
            }
        }

        Assert.InRange(handler.CachedStates, 1, 4);
    }

    [Fact]
    public async Task GivenTheStateCacheOff_WhenCommandsRun_ThenNothingIsKeptAndStatesAreRight()
    {
        var handler = new AggregateHandler(_store, new AggregateHandlerOptions { StateCacheCapacity = 0 });
        var stream = NewStream();
        await Increment(handler, stream, 1);

        var result = await Increment(handler, stream, 2);

        Assert.Equal(new Counter(3, 2), result.State);
        Assert.Equal(0, handler.CachedStates);
    }

    private static string NewStream() => "counter-" + Guid.NewGuid().ToString("N");

    private Task<CommandResult<Counter, string>> Increment(string stream, int by, StreamVersion? expected = null) =>
        Increment(_handler, stream, by, expected);

    private static Task<CommandResult<Counter, string>> Increment(AggregateHandler handler, string stream, int by, StreamVersion? expected = null) =>
        handler.HandleAsync(
            stream,
            CounterAggregate,
            state => by > 0
                ? CommandDecision.Accept<CounterEvent, string>([new Incremented(by)])
                : CommandDecision.Refuse<CounterEvent, string>("must be positive"),
            new CommandMetadata { ActorId = "tester" },
            expected);

    public abstract record CounterEvent;

    public sealed record Incremented(int By) : CounterEvent;

    public sealed record Counter(int Value, int Changes);
}
