using Crm.EventStore;
using Crm.EventStore.Projections;
using Crm.Tests.Infrastructure;
using Npgsql;
using static Crm.Tests.EventStore.Projections.ProjectionKit;
using static Crm.Tests.EventStore.TestStores;

namespace Crm.Tests.EventStore.Projections;

/// <summary>Bad registrations and options are refused with an error that names the problem, before anything runs.</summary>
public sealed class RegistryTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private sealed class Declared(string name, IReadOnlyList<ProjectionTable> tables, IReadOnlyCollection<Type>? types = null) : IProjection
    {
        public string Name => name;

        public IReadOnlyCollection<Type>? EventTypes => types;

        public IReadOnlyList<ProjectionTable> Tables => tables;

        public Task ApplyAsync(NpgsqlTransaction transaction, IReadOnlyList<RecordedEvent> events, TableMap tables, CancellationToken cancellationToken) =>
            Task.CompletedTask;
    }

    private static readonly ProjectionTable TableA = new("app", "a");
    private static readonly ProjectionTable TableB = new("app", "b");

    [Fact]
    public void TwoProjectionsWithOneName_OrOneTable_AreRefused()
    {
        var registry = new ProjectionRegistry().Async(new Declared("orders", [TableA]));

        var sameName = Assert.Throws<ArgumentException>(() => registry.Inline(new Declared("orders", [TableB])));
        var sameTable = Assert.Throws<ArgumentException>(() => registry.Async(new Declared("invoices", [TableB, TableA])));

        Assert.Contains("'orders' is already registered", sameName.Message, StringComparison.Ordinal);
        Assert.Contains("already belongs to projection 'orders'", sameTable.Message, StringComparison.Ordinal);
        Assert.Equal(["orders"], registry.Names);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("quote'd")]
    public void BadProjectionNames_AreRefused(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => new ProjectionRegistry().Async(new Declared(name, [TableA])));
        Assert.Contains("is not allowed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingTablesOrEventTypes_AndOptionsOutOfRange_AreRefused()
    {
        var registry = new ProjectionRegistry();

        Assert.Contains("declares no tables", Assert.Throws<ArgumentException>(() => registry.Async(new Declared("x", []))).Message, StringComparison.Ordinal);
        Assert.Contains("declares a table twice", Assert.Throws<ArgumentException>(() => registry.Async(new Declared("x", [TableA, TableA]))).Message, StringComparison.Ordinal);
        Assert.Contains("lists no event types", Assert.Throws<ArgumentException>(() => registry.Async(new Declared("x", [TableA], []))).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => registry.Async(new Declared("x", [TableA]), new AsyncProjectionOptions { BatchSize = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => registry.Async(new Declared("x", [TableA]), new AsyncProjectionOptions { OnPoisonEvent = (PoisonEventPolicy)7 }));
        Assert.Empty(registry.Names);
    }

    [Theory]
    [InlineData("Upper", "t")]
    [InlineData("s", "with-dash")]
    [InlineData("pg_catalog", "t")]
    [InlineData("s", "1starts_with_digit")]
    public void TableNamesThatAreNotPlainIdentifiers_AreRefused(string schema, string table)
    {
        var error = Assert.Throws<ArgumentException>(() => new ProjectionTable(schema, table));
        Assert.Contains("not a plain lower-case identifier", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRegistryIsFrozen_OnceAStoreHasItsHooks()
    {
        var registry = new ProjectionRegistry().Inline(new Declared("orders", [TableA]));
        Assert.Single(registry.AppendHooks);

        var error = Assert.Throws<InvalidOperationException>(() => registry.Async(new Declared("late", [TableB])));
        Assert.Contains("can no longer change", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TableMap_LivePassesNamesThrough_AndRefusesSchemasTheProjectionDidNotDeclare()
    {
        Assert.Equal("\"app\".\"a\"", TableMap.Live[TableA]);
        Assert.Equal("app", TableMap.Live.SchemaOf("app"));
        Assert.False(TableMap.Live.IsShadow);

        var shadow = TableMap.Shadow(new Dictionary<string, string> { ["app"] = "rebuild_1" });
        Assert.True(shadow.IsShadow);
        Assert.Equal("\"rebuild_1\".\"b\"", shadow[TableB]);
        var undeclared = Assert.Throws<ArgumentException>(() => shadow.SchemaOf("other"));
        Assert.Contains("declared no table in schema 'other'", undeclared.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADaemon_RefusesProjectionsOfUnknownEventTypes_BadOptions_AndUnknownNames()
    {
        var registry = new ProjectionRegistry().Async(new Declared("strings", [TableA], [typeof(string)]));
        await using var store = Create(database);

        var unknownType = Assert.Throws<ArgumentException>(() => new ProjectionDaemon(store, registry));
        Assert.Contains("wants events of type System.String", unknownType.Message, StringComparison.Ordinal);

        var fine = new ProjectionRegistry().Async(new Declared("items", [TableA], [typeof(ItemAdded)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProjectionDaemon(store, fine, new ProjectionDaemonOptions { PollInterval = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProjectionDaemon(store, fine, new ProjectionDaemonOptions { RebuildBatchSize = 0 }));
        Assert.Throws<ArgumentException>(() => new ProjectionDaemon(store, fine, new ProjectionDaemonOptions { InstanceId = " " }));
        await using var daemon = new ProjectionDaemon(store, fine, Options("names"));
        var unknownName = await Assert.ThrowsAsync<ArgumentException>(() => daemon.RebuildAsync("nope"));
        Assert.Contains("registered: items", unknownName.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => daemon.GetStatusAsync("nope"));
    }

    [Fact]
    public async Task RebuildOfAProjectionWhoseTableIsMissing_SaysWhichTable()
    {
        var registry = new ProjectionRegistry().Async(new Declared("ghost", [new ProjectionTable(ReadSchema(), "missing")], [typeof(ItemAdded)]));
        await using var store = Create(database);
        await using var daemon = new ProjectionDaemon(store, registry, Options("ghost"));

        var error = await Assert.ThrowsAsync<ProjectionException>(() => daemon.RebuildAsync("ghost"));

        Assert.Contains(".missing of projection 'ghost' does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartingTwice_IsRefused_AndStoppingWhenStopped_DoesNothing()
    {
        var projection = new CountingProjection("items", ReadSchema());
        await projection.CreateTablesAsync(database.DataSource);
        var registry = new ProjectionRegistry().Async(projection);
        await using var store = Store(database, UniqueSchema(), registry);
        await using var daemon = new ProjectionDaemon(store, registry, Options("twice"));
        await daemon.StopAsync();

        await daemon.StartAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => daemon.StartAsync());
        Assert.True(daemon.IsRunning);
        await daemon.StopAsync();
        Assert.False(daemon.IsRunning);
        await daemon.StartAsync();
        await AppendItemsAsync(store, "cart", 2);
        await daemon.WaitForCatchUpAsync(Deadline);
        Assert.Equal((2, 0), await AppliedAsync(database, projection));
    }
}
