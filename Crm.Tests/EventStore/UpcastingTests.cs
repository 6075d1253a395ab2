using System.Text.Json.Nodes;
using Crm.EventStore;
using Crm.Tests.Infrastructure;
using static Crm.Tests.EventStore.TestStores;

namespace Crm.Tests.EventStore;

/// <summary>Old events stay readable after their shape changes: upcasters turn them into the current type on read.</summary>
public sealed class UpcastingTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    // The shapes of "reading-taken" over time: v1 had one text field, v2 split it, v3 (current) is typed.
    public sealed record ReadingV1(string Value);

    public sealed record ReadingV2(decimal Amount, string Unit);

    public sealed record Reading(decimal Amount, string Unit, string Source);

    public sealed record LegacyTicket(string Title);

    public sealed record Ticket(string Title, int Priority);

    [Fact]
    public async Task JsonUpcasterChain_ReadsVersionOneAndTwoEventsAsTheCurrentType()
    {
        var schema = UniqueSchema();
        await using (var v1 = Create(database, new EventTypeRegistry().Register<ReadingV1>("reading-taken", 1), schema: schema))
        {
            await v1.AppendAsync("meter", ExpectedVersion.NoStream, [new EventData(new ReadingV1("12.5 kWh"))]);
        }
        await using (var v2 = Create(database, new EventTypeRegistry().Register<ReadingV2>("reading-taken", 2), schema: schema))
        {
            await v2.AppendAsync("meter", ExpectedVersion.Exactly(1), [new EventData(new ReadingV2(3m, "m3"))]);
        }
        var current = new EventTypeRegistry()
            .Register<Reading>("reading-taken", 3)
            .AddUpcaster("reading-taken", 1, old =>
            {
                var parts = old["value"]!.GetValue<string>().Split(' ');
                return new JsonObject { ["amount"] = decimal.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), ["unit"] = parts[1] };
            })
            .AddUpcaster("reading-taken", 2, old =>
            {
                old["source"] = "upcast";
                return old;
            });
        await using var store = Create(database, current, schema: schema);
        await store.AppendAsync("meter", ExpectedVersion.Exactly(2), [new EventData(new Reading(7m, "l", "sensor"))]);

        var events = (await store.ReadStreamAsync("meter")).Events;

        Assert.Equal(
            [new Reading(12.5m, "kWh", "upcast"), new Reading(3m, "m3", "upcast"), new Reading(7m, "l", "sensor")],
            events.Select(e => (Reading)e.Data));
        Assert.Equal([1, 2, 3], events.Select(e => e.SchemaVersion));
        Assert.True((await store.VerifyStreamAsync("meter")).IsIntact, "upcasting reads differently but never changes what is stored");
    }

    [Fact]
    public async Task TypedUpcaster_ConvertsAnOldShapeStraightToTheCurrentType()
    {
        var schema = UniqueSchema();
        await using (var old = Create(database, new EventTypeRegistry().Register<LegacyTicket>("ticket-filed"), schema: schema))
        {
            await old.AppendAsync("t", ExpectedVersion.NoStream, [new EventData(new LegacyTicket("printer on fire"))]);
        }
        var current = new EventTypeRegistry()
            .Register<Ticket>("ticket-filed", 2)
            .AddUpcaster<LegacyTicket, Ticket>("ticket-filed", 1, legacy => new Ticket(legacy.Title, Priority: 3));
        await using var store = Create(database, current, schema: schema);

        var aggregate = await store.AggregateAsync("t", (Ticket?)null, (_, e) => (Ticket)e.Data);

        Assert.Equal(new Ticket("printer on fire", 3), aggregate.State);
    }

    [Fact]
    public async Task RenamedType_IsReadUnderItsNewName_AndFoundByTheTypeFilter()
    {
        var schema = UniqueSchema();
        await using (var old = Create(database, new EventTypeRegistry().Register<Ticket>("ticket-opened"), schema: schema))
        {
            await old.AppendAsync("t", ExpectedVersion.NoStream, [new EventData(new Ticket("renamed", 1))]);
        }
        var current = new EventTypeRegistry().Register<Ticket>("ticket-filed").AddRename("ticket-opened", "ticket-filed");
        await using var store = Create(database, current, schema: schema);

        var read = (await store.ReadStreamAsync("t")).Events.Single();
        var filtered = await ReadAllEventuallyAsync(store, new ReadAllOptions { EventTypes = [typeof(Ticket)] }, 1);

        Assert.Equal(new Ticket("renamed", 1), read.Data);
        Assert.Equal("ticket-opened", read.TypeName);
        Assert.Single(filtered);
    }

    [Fact]
    public async Task OldSchemaVersionWithoutUpcaster_FailsLoudly()
    {
        var schema = UniqueSchema();
        await using (var v1 = Create(database, new EventTypeRegistry().Register<ReadingV1>("reading-taken", 1), schema: schema))
        {
            await v1.AppendAsync("meter", ExpectedVersion.NoStream, [new EventData(new ReadingV1("1 kWh"))]);
        }
        await using var store = Create(database, new EventTypeRegistry().Register<Reading>("reading-taken", 3), schema: schema);

        var error = await Assert.ThrowsAsync<UnknownEventTypeException>(() => store.ReadStreamAsync("meter"));

        Assert.Equal("reading-taken", error.TypeName);
        Assert.Equal(1, error.SchemaVersion);
        Assert.Contains("no upcaster", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewerSchemaVersionThanRegistered_FailsLoudly()
    {
        var schema = UniqueSchema();
        await using (var newer = Create(database, new EventTypeRegistry().Register<Reading>("reading-taken", 3), schema: schema))
        {
            await newer.AppendAsync("meter", ExpectedVersion.NoStream, [new EventData(new Reading(1m, "l", "x"))]);
        }
        await using var older = Create(database, new EventTypeRegistry().Register<ReadingV2>("reading-taken", 2), schema: schema);

        var error = await Assert.ThrowsAsync<UnknownEventTypeException>(() => older.ReadStreamAsync("meter"));

        Assert.Equal(3, error.SchemaVersion);
        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoredNameNobodyRegistered_FailsLoudly_OnStreamAndCatchUpReads()
    {
        var schema = UniqueSchema();
        await using (var writer = Create(database, schema: schema))
        {
            await writer.AppendAsync("s", ExpectedVersion.NoStream, [new EventData(new NoteWritten("hello"))]);
        }
        await using var reader = Create(database, new EventTypeRegistry().Register<ItemAdded>("item-added"), schema: schema);

        var onStream = await Assert.ThrowsAsync<UnknownEventTypeException>(() => reader.ReadStreamAsync("s"));
        var onCatchUp = await ReadAllThrowsEventuallyAsync<UnknownEventTypeException>(reader);

        Assert.Equal("note-written", onStream.TypeName);
        Assert.Equal("note-written", onCatchUp.TypeName);
    }

    [Fact]
    public void Registry_RefusesDuplicatesAndBrokenUpcasters()
    {
        Assert.Throws<ArgumentException>(() => new EventTypeRegistry().Register<Ticket>("a").Register<LegacyTicket>("a"));
        Assert.Throws<ArgumentException>(() => new EventTypeRegistry().Register<Ticket>("a").Register<Ticket>("b"));
        Assert.Throws<ArgumentException>(() => new EventTypeRegistry().Register<Ticket>(" "));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EventTypeRegistry().Register<Ticket>("a", 0));
        Assert.Throws<ArgumentException>(() => new EventTypeRegistry().Register<Ticket>("a").AddRename("a", "b"));
        Assert.Throws<UnknownEventTypeException>(() => new EventTypeRegistry().GetClrType("nope"));
        Assert.Throws<UnknownEventTypeException>(() => new EventTypeRegistry().GetTypeName(typeof(Ticket)));

        var upcasterForNothing = new EventTypeRegistry().Register<Ticket>("a", 2).AddUpcaster("b", 1, o => o);
        Assert.Throws<InvalidOperationException>(() => Create(database, upcasterForNothing));
        var upcasterFromTheFuture = new EventTypeRegistry().Register<Ticket>("a", 2).AddUpcaster("a", 2, o => o);
        Assert.Throws<InvalidOperationException>(() => Create(database, upcasterFromTheFuture));
        var renameToNothing = new EventTypeRegistry().Register<Ticket>("a").AddRename("old", "missing");
        Assert.Throws<InvalidOperationException>(() => Create(database, renameToNothing));
    }

    [Fact]
    public async Task Registry_IsFrozenOnceAStoreUsesIt()
    {
        var types = new EventTypeRegistry().Register<Ticket>("ticket");
        await using var store = Create(database, types);

        var error = Assert.Throws<InvalidOperationException>(() => types.Register<LegacyTicket>("legacy"));

        Assert.Contains("register every type before creating the store", error.Message, StringComparison.Ordinal);
    }
}
