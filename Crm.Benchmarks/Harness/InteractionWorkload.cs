using System.Text.Json;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.EventStore;

namespace Crm.Benchmarks.Harness;

/// <summary>
/// Realistic customer-service contacts: <see cref="InteractionLogged"/> events (the most frequent
/// event of the record) with varied topics, summaries and durations, and the metadata a request
/// gives them. Deterministic for a seed; not thread-safe, so each worker owns one.
/// </summary>
internal sealed class InteractionWorkload(int seed)
{
    /// <summary>The stored names of the event types the suites write.</summary>
    public const string InteractionLoggedName = "interaction-logged";

    public const string CustomerRegisteredName = "customer-registered";

    private static readonly string[] Topics =
        ["Invoice question", "Delivery delay", "Broken on arrival", "Change of address", "Cancel subscription", "Warranty claim", "Password reset", "Upgrade plan"];

    private static readonly string[] Queues = ["billing", "logistics", "returns", "accounts", "technical"];

    private static readonly string[] Summaries =
    [
        "Customer asked why the last invoice was higher than usual; explained the pro-rata charge for the plan change and sent a breakdown by e-mail.",
        "Parcel has not arrived after eight working days. Opened a trace with the carrier and promised an update within two days.",
        "The kettle arrived with a cracked lid. Customer sent photos; arranged a replacement and a return label.",
        "Moved house last month and wants future deliveries to the new address. Updated and confirmed by reading it back.",
        "Wants to cancel at the end of the term because of a price rise. Offered the loyalty discount; customer will think about it.",
        "Vacuum cleaner stopped charging after fourteen months. Within warranty: booked a repair pickup for Thursday morning.",
    ];

    private static readonly string[] GraphQLChannels = ["PHONE", "EMAIL", "CHAT", "SOCIAL_MEDIA", "IN_PERSON", "MAIL"];

    private readonly Random _random = new(seed);
    private readonly Actor _agent = new(Guid.CreateVersion7(), $"Agent {seed}", ActorRole.Agent);

    /// <summary>The serializer options the event store uses by default, for the ceilings' copy of the payload.</summary>
    public static JsonSerializerOptions SerializerOptions { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>The event types the suites store, under their stored names.</summary>
    public static EventTypeRegistry Registry() => new EventTypeRegistry()
        .Register<CustomerRegistered>(CustomerRegisteredName)
        .Register<InteractionLogged>(InteractionLoggedName);

    /// <summary>The agent this workload acts as.</summary>
    public Actor Agent => _agent;

    /// <summary>A new customer stream id, as the CRM names them.</summary>
    public static string CustomerStream(Guid customerId) => $"customer-{customerId}";

    /// <summary>One logged contact with a customer, and its metadata.</summary>
    public EventData NextInteraction(Guid customerId)
    {
        var now = DateTimeOffset.UtcNow;
        var logged = new InteractionLogged(
            customerId,
            now,
            _agent,
            Guid.CreateVersion7(),
            (Channel)_random.Next(6),
            _random.Next(4) == 0 ? Direction.Outbound : Direction.Inbound,
            Queues[_random.Next(Queues.Length)],
            _agent.Id,
            Topics[_random.Next(Topics.Length)],
            Summaries[_random.Next(Summaries.Length)],
            now.AddMinutes(-_random.Next(5, 40)),
            _random.Next(30, 900),
            _random.Next(0, 120),
            _random.Next(10, 180),
            null);
        return new EventData(logged, Metadata(now));
    }

    /// <summary>The command that logs the same kind of contact, for suites that go through the deciders.</summary>
    public LogInteraction NextLogInteraction(Guid customerId)
    {
        var now = DateTimeOffset.UtcNow;
        return new LogInteraction(
            customerId,
            Guid.CreateVersion7(),
            (Channel)_random.Next(6),
            _random.Next(4) == 0 ? Direction.Outbound : Direction.Inbound,
            Queues[_random.Next(Queues.Length)],
            _agent.Id,
            Topics[_random.Next(Topics.Length)],
            Summaries[_random.Next(Summaries.Length)],
            now.AddMinutes(-_random.Next(5, 40)),
            _random.Next(30, 900),
            _random.Next(0, 120),
            _random.Next(10, 180),
            null,
            _agent,
            now);
    }

    /// <summary>
    /// The same kind of contact as the <c>input</c> of the <c>logInteraction</c> mutation, for the
    /// customer with this global id (the acting agent is the request's token).
    /// </summary>
    public Dictionary<string, object?> LogInteractionInput(string customerGlobalId) => new()
    {
        ["customerId"] = customerGlobalId,
        ["channel"] = GraphQLChannels[_random.Next(GraphQLChannels.Length)],
        ["direction"] = _random.Next(4) == 0 ? "OUTBOUND" : "INBOUND",
        ["queue"] = Queues[_random.Next(Queues.Length)],
        ["topic"] = Topics[_random.Next(Topics.Length)],
        ["summary"] = Summaries[_random.Next(Summaries.Length)],
        ["talkSeconds"] = _random.Next(30, 900),
        ["holdSeconds"] = _random.Next(0, 120),
        ["wrapUpSeconds"] = _random.Next(10, 180),
    };

    /// <summary>The input of the <c>registerCustomer</c> mutation for a new customer with this UUID.</summary>
    public static Dictionary<string, object?> RegisterCustomerInput(Guid customerId) => new()
    {
        ["customerId"] = customerId,
        ["name"] = $"Customer {customerId.ToString()[..8]}",
        ["emails"] = new[] { $"c{customerId:N}@example.com" },
        ["phones"] = new[] { "+44 20 7946 0000" },
        ["language"] = "en",
        ["segment"] = "CONSUMER",
        ["channel"] = "PHONE",
    };

    /// <summary>The command that registers a customer.</summary>
    public RegisterCustomer NewCustomer(Guid customerId) => new(
        customerId,
        $"Customer {customerId.ToString()[..8]}",
        [$"c{customerId:N}@example.com"],
        ["+44 20 7946 0000"],
        new PostalAddress("1 High Street", null, "EC1A 1BB", "London", null, "GB"),
        "en",
        Segment.Consumer,
        Channel.Phone,
        _agent,
        DateTimeOffset.UtcNow);

    /// <summary>What a request attaches to the events it causes.</summary>
    public EventMetadata Metadata(DateTimeOffset occurredAt) => new()
    {
        ActorId = _agent.Id.ToString(),
        ActorRole = nameof(ActorRole.Agent),
        CorrelationId = Guid.CreateVersion7().ToString(),
        CausationId = Guid.CreateVersion7().ToString(),
        OccurredAt = occurredAt,
    };

    /// <summary>
    /// The same kind of row as the store writes, as JSON text, for the ceilings: the event data
    /// serialized as the store serializes it, and metadata with the same members.
    /// </summary>
    public CeilingRow CeilingRow()
    {
        var sample = NextInteraction(Guid.CreateVersion7());
        var metadata = sample.Metadata;
        var metadataJson = JsonSerializer.Serialize(
            new { actorId = metadata.ActorId, actorRole = metadata.ActorRole, causationId = metadata.CausationId, correlationId = metadata.CorrelationId });
        return new CeilingRow(InteractionLoggedName, JsonSerializer.Serialize(sample.Data, sample.Data.GetType(), SerializerOptions), metadataJson);
    }
}
