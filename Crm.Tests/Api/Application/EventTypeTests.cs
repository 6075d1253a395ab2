using System.Collections;
using System.Reflection;
using Crm.Api.Application;
using Crm.Domain.Cases;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Queues;
using Crm.EventStore;
using Crm.EventStore.Postgres;
using Crm.Tests.Infrastructure;

namespace Crm.Tests.Api.Application;

/// <summary>Every domain event is stored under its stable name and reads back exactly as written, with enums as names.</summary>
public sealed class EventTypeTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    // The stored names are a contract with every event ever written: this list changes only by
    // adding names (a renamed type keeps its name; a renamed name needs EventTypeRegistry.AddRename).
    private static readonly string[] PinnedNames =
    [
        "customer.registered", "customer.contact_details_changed", "customer.preferences_changed", "customer.product_registered",
        "customer.subscription_changed", "customer.interaction_logged", "customer.offer_presented", "customer.offer_accepted",
        "customer.offer_declined", "customer.data_erased",
        "case.opened", "case.assigned", "case.escalated", "case.note_added", "case.refund_issued", "case.exchange_arranged",
        "case.service_adjusted", "case.remedy_approval_requested", "case.remedy_approved", "case.remedy_rejected", "case.resolved",
        "case.reopened", "case.follow_up_scheduled", "case.follow_up_completed", "case.satisfaction_recorded", "case.closed",
        "case.sla_breached",
        "queue.contact_abandoned",
    ];

    [Fact]
    public void EveryDomainEvent_IsRegistered_UnderItsPinnedName()
    {
        var domainEvents = typeof(CustomerEvent).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && (t.IsSubclassOf(typeof(CustomerEvent)) || t.IsSubclassOf(typeof(CaseEvent)) || t.IsSubclassOf(typeof(QueueEvent))))
            .ToHashSet();
        var registry = CrmEventTypes.CreateRegistry();

        Assert.Equal(domainEvents.OrderBy(t => t.Name), CrmEventTypes.All.Select(e => e.Type).OrderBy(t => t.Name));
        Assert.Equal(PinnedNames, CrmEventTypes.All.Select(e => e.Name));
        Assert.All(CrmEventTypes.All, e => Assert.Equal(e.Name, registry.GetTypeName(e.Type)));
    }

    [Fact]
    public async Task EveryEvent_ReadsBackFromTheStore_EqualToWhatWasAppended()
    {
        await using var store = Store();
        var samples = CrmEventTypes.All.Select(e => Sample.Of(e.Type)).ToList();

        await store.AppendAsync("samples-1", ExpectedVersion.NoStream, [.. samples.Select(s => new EventData(s))]);
        var read = await store.ReadStreamAsync("samples-1");

        Assert.Equal(samples.Count, read.Events.Count);
        for (var i = 0; i < samples.Count; i++)
        {
            Assert.Equal(samples[i], read.Events[i].Data);
            Assert.Equal(CrmEventTypes.All[i].Name, read.Events[i].TypeName);
        }
    }

    [Fact]
    public async Task Enums_AreStoredByName_SoReorderingMembersCannotChangeOldEvents()
    {
        await using var store = Store();
        var opened = (CaseOpened)Sample.Of(typeof(CaseOpened));

        await store.AppendAsync("enum-1", ExpectedVersion.NoStream, [new EventData(opened)]);

        await using var command = database.DataSource.CreateCommand(
            $"SELECT data->>'kind', data->>'priority', data->'by'->>'role' FROM {store.Schema}.events WHERE stream_id = 'enum-1'");
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(opened.Kind.ToString(), reader.GetString(0));
        Assert.Equal(opened.Priority.ToString(), reader.GetString(1));
        Assert.Equal(opened.By.Role.ToString(), reader.GetString(2));
    }

    private PostgresEventStore Store() => new(new EventStoreOptions
    {
        DataSource = database.DataSource,
        Schema = "es_" + Guid.NewGuid().ToString("N")[..12],
        Types = CrmEventTypes.CreateRegistry(),
        SerializerOptions = CrmJson.CreateEventOptions(),
    });

    /// <summary>Fills a record with distinct non-default values (last enum member, two-element lists), recursively.</summary>
    private static class Sample
    {
        private static int _counter;

        public static object Of(Type type) => Value(type, "value")!;

        private static object? Value(Type type, string name)
        {
            var counter = Interlocked.Increment(ref _counter);
            if (Nullable.GetUnderlyingType(type) is { } underlying)
            {
                return Value(underlying, name);
            }
            if (type == typeof(string))
            {
                return name.Equals("currency", StringComparison.OrdinalIgnoreCase) ? "EUR" : $"{name} {counter}";
            }
            if (type == typeof(Guid))
            {
                return Guid.CreateVersion7();
            }
            if (type == typeof(int))
            {
                return counter;
            }
            if (type == typeof(decimal))
            {
                return 12.34m + counter;
            }
            if (type == typeof(bool))
            {
                return true;
            }
            if (type == typeof(DateTimeOffset))
            {
                return new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero).AddTicks(1234567 + counter);
            }
            if (type == typeof(DateOnly))
            {
                return new DateOnly(2025, 1, 1).AddDays(counter);
            }
            if (type == typeof(TimeOnly))
            {
                return new TimeOnly(8, counter % 60);
            }
            if (type.IsEnum)
            {
                var values = Enum.GetValues(type);
                return values.GetValue(values.Length - 1);
            }
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EquatableList<>))
            {
                var element = type.GetGenericArguments()[0];
                var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
                list.Add(Value(element, name));
                list.Add(Value(element, name));
                return typeof(EquatableList).GetMethod(nameof(EquatableList.From))!.MakeGenericMethod(element).Invoke(null, [list]);
            }
            var constructor = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance).OrderByDescending(c => c.GetParameters().Length).First();
            return constructor.Invoke([.. constructor.GetParameters().Select(p => Value(p.ParameterType, p.Name!))]);
        }
    }
}
