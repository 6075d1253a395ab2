using Crm.EventStore;
using Crm.EventStore.Postgres;
using Crm.EventStore.Projections;
using Crm.Tests.Infrastructure;
using Npgsql;
using static Crm.Tests.EventStore.Projections.ProjectionKit;
using static Crm.Tests.EventStore.TestStores;

namespace Crm.Tests.EventStore.Projections;

/// <summary>An event the projection cannot apply either pauses it, visibly, or goes to the dead-letter table; never silently.</summary>
public sealed class PoisonEventTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Pause_StopsBeforeThePoisonEvent_RecordsIt_AndResumesAfterAFix()
    {
        var (store, daemon, projection) = await StartAsync(PoisonEventPolicy.Pause);
        await using var _ = store;
        await using var __ = daemon;
        var poison = await AppendWithPoisonAsync(store);

        var error = await Assert.ThrowsAsync<ProjectionException>(() => daemon.WaitForCatchUpAsync(Deadline));

        Assert.Equal("items", error.Projection);
        Assert.Equal(poison.Position.Value, error.Event?.Position);
        Assert.Contains("Cannot project sku 'poison'", error.Message, StringComparison.Ordinal);
        var status = await daemon.GetStatusAsync("items");
        Assert.Equal(ProjectionState.Paused, status.State);
        Assert.Equal(5, status.EventsApplied);
        Assert.Equal(5, status.LagEvents);
        Assert.NotNull(status.LastError);
        Assert.Equal(typeof(InvalidOperationException).FullName, status.LastError.ErrorType);
        Assert.Equal("Cannot project sku 'poison'.", status.LastError.Message);
        Assert.Equal(new FailedEvent(poison.Checkpoint, poison.EventId, "cart", 6, "item-added"), status.LastError.Event);
        Assert.Equal((5, 0), await AppliedAsync(database, projection));

        projection.IsPoison = null;
        Assert.True(await daemon.ResumeAsync("items"));
        await daemon.WaitForCatchUpAsync(Deadline);

        Assert.Equal((10, 0), await AppliedAsync(database, projection));
        Assert.Equal(ProjectionState.Running, (await daemon.GetStatusAsync("items")).State);
        Assert.False(await daemon.ResumeAsync("items"));
    }

    [Fact]
    public async Task Pause_ThenResumeSkippingTheFailedEvent_RecordsItAsADeadLetter_AndGoesOn()
    {
        var (store, daemon, projection) = await StartAsync(PoisonEventPolicy.Pause);
        await using var _ = store;
        await using var __ = daemon;
        var poison = await AppendWithPoisonAsync(store);
        await Assert.ThrowsAsync<ProjectionException>(() => daemon.WaitForCatchUpAsync(Deadline));

        Assert.True(await daemon.ResumeAsync("items", skipFailedEvent: true));
        await daemon.WaitForCatchUpAsync(Deadline);

        Assert.Equal((9, 0), await AppliedAsync(database, projection));
        var letter = Assert.Single(await daemon.GetDeadLettersAsync("items"));
        Assert.Equal(poison.EventId, letter.Event.EventId);
        Assert.Equal(typeof(InvalidOperationException).FullName, letter.ErrorType);
        Assert.Equal("Cannot project sku 'poison'.", letter.Message);
        Assert.Equal(9, (await daemon.GetStatusAsync("items")).EventsApplied);
    }

    [Fact]
    public async Task SkipToDeadLetter_RecordsTheEvent_AndAppliesEveryOtherEventOfTheBatch()
    {
        var (store, daemon, projection) = await StartAsync(PoisonEventPolicy.SkipToDeadLetter);
        await using var _ = store;
        await using var __ = daemon;
        var poison = await AppendWithPoisonAsync(store);

        await daemon.WaitForCatchUpAsync(Deadline);

        Assert.Equal((9, 0), await AppliedAsync(database, projection));
        Assert.Equal(0, await ScalarAsync(database, $"SELECT count(*) FROM {projection.Applied.QualifiedName} WHERE sku = 'poison'"));
        var letter = Assert.Single(await daemon.GetDeadLettersAsync("items"));
        Assert.Equal(new FailedEvent(poison.Checkpoint, poison.EventId, "cart", 6, "item-added"), letter.Event);
        Assert.Equal(typeof(InvalidOperationException).FullName, letter.ErrorType);
        var status = await daemon.GetStatusAsync("items");
        Assert.Equal(ProjectionState.Running, status.State);
        Assert.Equal(1, status.DeadLetters);
        Assert.Equal(9, status.EventsApplied);
        Assert.Equal(poison.EventId, status.LastError?.Event?.EventId);
    }

    [Fact]
    public async Task SkipToDeadLetter_StillPauses_WhenTheProjectionCannotRunAtAll()
    {
        var (store, daemon, projection) = await StartAsync(PoisonEventPolicy.SkipToDeadLetter, start: false);
        await using var _ = store;
        await using var __ = daemon;
        await AppendItemsAsync(store, "cart", 3);
        await ExecuteAsync(database, $"DROP TABLE {projection.Totals.QualifiedName}");

        await daemon.StartAsync();
        var error = await Assert.ThrowsAsync<ProjectionException>(() => daemon.WaitForCatchUpAsync(Deadline));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.Empty(await daemon.GetDeadLettersAsync("items"));
        Assert.Equal(ProjectionState.Paused, (await daemon.GetStatusAsync("items")).State);
    }

    [Theory]
    [InlineData(PoisonEventPolicy.Pause)]
    [InlineData(PoisonEventPolicy.SkipToDeadLetter)]
    public async Task EventThatCannotBeRead_IsHandledLikeOneThatCannotBeApplied(PoisonEventPolicy policy)
    {
        var schema = ReadSchema();
        var storeSchema = UniqueSchema();
        var projection = new CountingProjection("items", schema);
        await projection.CreateTablesAsync(database.DataSource);
        // A writer that knows a type this service does not (newer code, another service).
        await using (var newer = Create(database, Types().Register<Renamed>("mystery"), schema: storeSchema))
        {
            await AppendItemsAsync(newer, "cart", 2);
            await newer.AppendAsync("cart", ExpectedVersion.Exactly(2), [new EventData(new Renamed("?"))]);
            await AppendItemsAsync(newer, "cart", 2);
        }
        var registry = new ProjectionRegistry().Async(new EveryEventProjection(projection), new AsyncProjectionOptions { OnPoisonEvent = policy });
        await using var store = Store(database, storeSchema, registry);
        await using var daemon = new ProjectionDaemon(store, registry, Options("reader"));
        await daemon.StartAsync();

        if (policy == PoisonEventPolicy.Pause)
        {
            var error = await Assert.ThrowsAsync<ProjectionException>(() => daemon.WaitForCatchUpAsync(Deadline));
            Assert.Equal("mystery", error.Event?.TypeName);
            Assert.Equal((2, 0), await AppliedAsync(database, projection));
        }
        else
        {
            await daemon.WaitForCatchUpAsync(Deadline);
            Assert.Equal("mystery", Assert.Single(await daemon.GetDeadLettersAsync("items")).Event.TypeName);
            Assert.Equal((4, 0), await AppliedAsync(database, projection));
        }
        Assert.Equal(typeof(UnknownEventTypeException).FullName, (await daemon.GetStatusAsync("items")).LastError?.ErrorType);
    }

    /// <summary>Wants every event (so an unreadable one is its problem), and projects the item ones.</summary>
    private sealed class EveryEventProjection(CountingProjection inner) : IProjection
    {
        public string Name => inner.Name;

        public IReadOnlyCollection<Type>? EventTypes => null;

        public IReadOnlyList<ProjectionTable> Tables => inner.Tables;

        public Task ApplyAsync(NpgsqlTransaction transaction, IReadOnlyList<RecordedEvent> events, TableMap tables, CancellationToken cancellationToken) =>
            inner.ApplyAsync(transaction, [.. events.Where(e => e.Data is ItemAdded)], tables, cancellationToken);
    }

    private sealed record Renamed(string Value);

    private async Task<(PostgresEventStore Store, ProjectionDaemon Daemon, CountingProjection Projection)> StartAsync(
        PoisonEventPolicy policy, bool start = true)
    {
        var projection = new CountingProjection("items", ReadSchema()) { IsPoison = sku => sku == "poison" };
        await projection.CreateTablesAsync(database.DataSource);
        var registry = new ProjectionRegistry().Async(projection, new AsyncProjectionOptions { BatchSize = 50, OnPoisonEvent = policy });
        var store = Store(database, UniqueSchema(), registry);
        var daemon = new ProjectionDaemon(store, registry, Options(policy.ToString()));
        if (start)
        {
            await daemon.StartAsync();
            await EventuallyAsync(() => daemon.LeadingProjections.Count == 1, "the daemon runs the projection");
        }
        return (store, daemon, projection);
    }

    /// <summary>Five good events, the poison one, four good ones: in one append, so they arrive in one batch.</summary>
    private static async Task<RecordedEvent> AppendWithPoisonAsync(PostgresEventStore store)
    {
        EventData[] events = [.. Many(5, "good"), Added("poison"), .. Many(4, "late")];
        var result = await store.AppendAsync("cart", ExpectedVersion.NoStream, events);
        return result.Events[5];
    }
}
