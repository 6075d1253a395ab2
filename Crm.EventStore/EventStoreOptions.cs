using System.Text.Json;
using Npgsql;

namespace Crm.EventStore;

/// <summary>How an event store connects, where its tables live and how events are serialized.</summary>
public sealed class EventStoreOptions
{
    /// <summary>The data source to use (not disposed by the store). Give this or <see cref="ConnectionString"/>.</summary>
    public NpgsqlDataSource? DataSource { get; init; }

    /// <summary>A connection string; the store then creates and owns its data source.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>
    /// The PostgreSQL schema of the store's tables and functions, created if missing: lowercase
    /// letters, digits and underscores, starting with a letter or underscore, at most 48 characters.
    /// Separate schemas are separate stores (tenants, tests).
    /// </summary>
    public string Schema { get; init; } = "event_store";

    /// <summary>The event types the store reads and writes. Frozen when the store is created.</summary>
    public required EventTypeRegistry Types { get; init; }

    /// <summary>The System.Text.Json options for event data (e.g. with a source-generated resolver).</summary>
    public JsonSerializerOptions SerializerOptions { get; init; } = new(JsonSerializerDefaults.Web);

    /// <summary>Code run inside every append's transaction, in this order (inline projections).</summary>
    public IReadOnlyList<IAppendHook> AppendHooks { get; init; } = [];

    /// <summary>
    /// Whether every append sends a PostgreSQL notification on the store's notification channel
    /// (<c>{schema}_appended</c>) when it commits, so catch-up consumers can wake without polling.
    /// </summary>
    public bool NotifyOnAppend { get; init; } = true;
}
