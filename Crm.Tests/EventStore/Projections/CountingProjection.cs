using Crm.EventStore;
using Crm.EventStore.Projections;
using Npgsql;

namespace Crm.Tests.EventStore.Projections;

/// <summary>
/// A test projection of <see cref="ItemAdded"/> events with two tables: <c>applied</c>, one row per
/// event with how many times it was applied (exactly-once shows as 1 everywhere), and <c>totals</c>,
/// the quantity per sku. Knobs let a test make an event fail, or act in the middle of a batch after
/// the rows are written and before the commit.
/// </summary>
internal sealed class CountingProjection : IProjection
{
    private int _calls;
    private long _eventsSeen;

    public CountingProjection(string name, string schema, IReadOnlyCollection<Type>? eventTypes = null)
    {
        Name = name;
        Schema = schema;
        Applied = new ProjectionTable(schema, Prefix(name) + "applied");
        Totals = new ProjectionTable(schema, Prefix(name) + "totals");
        Tables = [Applied, Totals];
        EventTypes = eventTypes ?? [typeof(ItemAdded)];
    }

    public string Name { get; }

    public string Schema { get; }

    public ProjectionTable Applied { get; }

    public ProjectionTable Totals { get; }

    public IReadOnlyCollection<Type>? EventTypes { get; }

    public IReadOnlyList<ProjectionTable> Tables { get; }

    /// <summary>Events whose sku makes <see cref="ApplyAsync"/> throw (after writing its rows), or null.</summary>
    public Func<string, bool>? IsPoison { get; set; }

    /// <summary>Runs after a batch's rows are written, before the engine commits; gets the call number (1 for the first).</summary>
    public Func<NpgsqlTransaction, int, CancellationToken, Task>? AfterWrite { get; set; }

    /// <summary>How many times <see cref="ApplyAsync"/> was called.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Events passed to calls that returned normally (not necessarily committed).</summary>
    public long EventsSeen => Interlocked.Read(ref _eventsSeen);

    public static string Prefix(string name) => name.Replace('.', '_').Replace('-', '_') + "_";

    /// <summary>Creates the live tables (what an application's migrations would do).</summary>
    public async Task CreateTablesAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand($"""
            CREATE SCHEMA IF NOT EXISTS "{Schema}";
            CREATE TABLE {Applied.QualifiedName} (
                event_id uuid PRIMARY KEY,
                stream_id text NOT NULL,
                version bigint NOT NULL,
                sku text NOT NULL,
                quantity integer NOT NULL,
                times integer NOT NULL DEFAULT 1);
            CREATE INDEX {Prefix(Name)}applied_by_stream ON {Applied.QualifiedName} (stream_id, version);
            CREATE TABLE {Totals.QualifiedName} (
                sku text NOT NULL,
                quantity bigint NOT NULL,
                events bigint NOT NULL,
                CONSTRAINT {Prefix(Name)}totals_key PRIMARY KEY (sku),
                CONSTRAINT {Prefix(Name)}totals_positive CHECK (events > 0));
            """);
        await command.ExecuteNonQueryAsync();
    }

    public async Task ApplyAsync(NpgsqlTransaction transaction, IReadOnlyList<RecordedEvent> events, TableMap tables, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _calls);
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction);
        foreach (var e in events)
        {
            var added = (ItemAdded)e.Data;
            var row = new NpgsqlBatchCommand(
                $"INSERT INTO {tables[Applied]} AS a (event_id, stream_id, version, sku, quantity) VALUES ($1, $2, $3, $4, $5) "
                + "ON CONFLICT (event_id) DO UPDATE SET times = a.times + 1");
            row.Parameters.Add(new NpgsqlParameter { Value = e.EventId });
            row.Parameters.Add(new NpgsqlParameter { Value = e.StreamId });
            row.Parameters.Add(new NpgsqlParameter { Value = e.Version.Value });
            row.Parameters.Add(new NpgsqlParameter { Value = added.Sku });
            row.Parameters.Add(new NpgsqlParameter { Value = added.Quantity });
            batch.BatchCommands.Add(row);
            var total = new NpgsqlBatchCommand(
                $"INSERT INTO {tables[Totals]} AS t (sku, quantity, events) VALUES ($1, $2, 1) "
                + "ON CONFLICT (sku) DO UPDATE SET quantity = t.quantity + EXCLUDED.quantity, events = t.events + 1");
            total.Parameters.Add(new NpgsqlParameter { Value = added.Sku });
            total.Parameters.Add(new NpgsqlParameter { Value = (long)added.Quantity });
            batch.BatchCommands.Add(total);
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
        if (IsPoison is { } isPoison && events.FirstOrDefault(e => isPoison(((ItemAdded)e.Data).Sku)) is { } poison)
        {
            throw new InvalidOperationException($"Cannot project sku '{((ItemAdded)poison.Data).Sku}'.");
        }
        if (AfterWrite is { } afterWrite)
        {
            await afterWrite(transaction, call, cancellationToken);
        }
        Interlocked.Add(ref _eventsSeen, events.Count);
    }
}
