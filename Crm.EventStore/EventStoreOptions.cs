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
    /// Whether appends wake listeners: after appends commit, a PostgreSQL notification (empty
    /// payload) is sent on the store's notification channel (<c>{schema}_appended</c>), so catch-up
    /// consumers can wake without polling.
    /// </summary>
    /// <remarks>
    /// Appends and imports the store commits itself do not notify inside their transaction (a
    /// notifying commit takes a cluster-wide lock until it is flushed, which would serialize all
    /// appending commits): they signal a background sender of the store, which sends one
    /// notification, from its own connection, for everything committed since its previous one.
    /// A listener is therefore woken after the append's commit, possibly once for several appends,
    /// and a failed notification is only reported (<see cref="OnNotificationFailed"/>) and sent again
    /// with the next append. Appends inside a caller's transaction notify inside that transaction
    /// instead, so that the notification is delivered exactly when, and only if, the caller commits.
    /// </remarks>
    public bool NotifyOnAppend { get; init; } = true;

    /// <summary>
    /// Called on the background sender when a notification after appends could not be sent
    /// (e.g. to log it). Appends are never affected; the next append sends again. Must not throw.
    /// Without it failures go to <see cref="System.Diagnostics.Trace"/>.
    /// </summary>
    public Action<Exception>? OnNotificationFailed { get; init; }
}
