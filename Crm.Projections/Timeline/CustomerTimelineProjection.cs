using Crm.Domain.Cases;
using Crm.Domain.Customers;
using Crm.Domain.Queues;
using Crm.Projections.Engine;
using Npgsql;
using NpgsqlTypes;

namespace Crm.Projections.Timeline;

/// <summary>
/// The customer timeline (inline): one row per event of a customer, of each of their cases, and of
/// each queued contact they abandoned (when the caller was recognised). Also keeps the
/// <c>case_customer</c> map, written when a case is opened.
/// </summary>
/// <remarks>
/// Erasure: when <see cref="CustomerDataErased"/> is projected every summary of the customer reads
/// <c>erased</c>, and rows added after it do too, so a rebuild (which reads the personal fields as
/// erased) ends with the same rows as the live projection.
/// </remarks>
internal sealed partial class CustomerTimelineProjection : IReadModelProjection
{
    /// <summary>What every summary of an erased customer reads.</summary>
    public const string Erased = "erased";

    private readonly string _insert;
    private readonly string _mapCase;
    private readonly string _erase;

    public CustomerTimelineProjection(ReadModelSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        // Many rows in one statement (a batch of events is a few statements, not one per event).
        // The erasure check cannot see rows of its own statement: a run of rows ends after an
        // erasure, so the rows that follow it see its row.
        _insert = schema.Apply($"""
            INSERT INTO __schema__.customer_timeline
                (position, customer_id, stream_id, stream_version, at, kind, title, summary, actor_id, actor_name, actor_role, channel, case_id)
            SELECT r.position, r.customer_id, r.stream_id, r.stream_version, r.at, r.kind, r.title,
                CASE WHEN EXISTS (SELECT 1 FROM __schema__.customer_timeline t WHERE t.customer_id = r.customer_id AND t.kind = '{nameof(CustomerDataErased)}')
                     THEN '{Erased}' ELSE r.summary END,
                r.actor_id, r.actor_name, r.actor_role, r.channel, r.case_id
            FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::bigint[], $5::timestamptz[], $6::text[], $7::text[], $8::text[],
                        $9::uuid[], $10::text[], $11::text[], $12::text[], $13::uuid[])
                AS r(position, customer_id, stream_id, stream_version, at, kind, title, summary, actor_id, actor_name, actor_role, channel, case_id)
            """);
        _mapCase = schema.Apply("""
            INSERT INTO __schema__.case_customer (case_id, customer_id, opened_at)
            SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[])
            """);
        _erase = schema.Apply($"UPDATE __schema__.customer_timeline SET summary = '{Erased}' WHERE customer_id = $1");
    }

    public string Name => "crm.customer_timeline";

    public ProjectionMode Mode => ProjectionMode.Inline;

    public IReadOnlyList<string> Tables { get; } = ["customer_timeline", "case_customer"];

    public Task ApplyAsync(IReadOnlyList<ProjectedEvent> events, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var batch = new SqlBatch();
        var rows = new Rows(events.Count);
        var cases = new CaseRows();
        foreach (var projected in events)
        {
            Add(batch, rows, cases, projected);
        }
        rows.Flush(batch, _insert);
        cases.Flush(batch, _mapCase);
        return batch.ExecuteAsync(connection, transaction, cancellationToken);
    }

    private void Add(SqlBatch batch, Rows rows, CaseRows cases, ProjectedEvent projected)
    {
        var (customerId, caseId) = projected.Event switch
        {
            CustomerEvent e => (e.CustomerId, CaseOf(e)),
            CaseEvent e => (e.CustomerId, e.CaseId),
            ContactAbandoned { CustomerId: { } caller } => (caller, (Guid?)null),
            _ => ((Guid?)null, (Guid?)null),
        };
        if (customerId is not { } customer || Describe(projected.Event) is not { } entry)
        {
            return;
        }
        if (projected.Event is CaseOpened opened)
        {
            cases.Add(opened.CaseId, opened.CustomerId, EventTime.Of(projected.OccurredAt));
        }
        rows.Add(projected, customer, entry, OneLine(entry.Summary), caseId);
        if (projected.Event is CustomerDataErased)
        {
            rows.Flush(batch, _insert);
            batch.Add(_erase, Sql.Uuid(customer));
        }
    }

    private static Guid? CaseOf(CustomerEvent e) => e switch
    {
        InteractionLogged i => i.CaseId,
        OfferPresented o => o.CaseId,
        _ => null,
    };

    /// <summary>Timeline rows collected column by column, for one multi-row insert.</summary>
    private sealed class Rows(int capacity)
    {
        private readonly List<long> _position = new(capacity);
        private readonly List<Guid> _customer = new(capacity);
        private readonly List<string> _stream = new(capacity);
        private readonly List<long> _version = new(capacity);
        private readonly List<DateTimeOffset> _at = new(capacity);
        private readonly List<string> _kind = new(capacity);
        private readonly List<string> _title = new(capacity);
        private readonly List<string> _summary = new(capacity);
        private readonly List<Guid> _actorId = new(capacity);
        private readonly List<string> _actorName = new(capacity);
        private readonly List<string> _actorRole = new(capacity);
        private readonly List<string?> _channel = new(capacity);
        private readonly List<Guid?> _case = new(capacity);

        public void Add(ProjectedEvent projected, Guid customer, Entry entry, string summary, Guid? caseId)
        {
            _position.Add(projected.Position);
            _customer.Add(customer);
            _stream.Add(projected.StreamId);
            _version.Add(projected.StreamVersion);
            _at.Add(EventTime.Of(projected.OccurredAt));
            _kind.Add(projected.Event.GetType().Name);
            _title.Add(entry.Title);
            _summary.Add(summary);
            _actorId.Add(entry.Actor.Id);
            _actorName.Add(entry.Actor.Name);
            _actorRole.Add(entry.Actor.Role.ToString());
            _channel.Add(entry.Channel?.ToString());
            _case.Add(caseId);
        }

        /// <summary>Adds the collected rows to the batch as one statement, and starts a new run.</summary>
        public void Flush(SqlBatch batch, string insert)
        {
            if (_position.Count == 0)
            {
                return;
            }
            batch.Add(
                insert,
                Sql.Array(NpgsqlDbType.Bigint, _position.ToArray()),
                Sql.Array(NpgsqlDbType.Uuid, _customer.ToArray()),
                Sql.Array(NpgsqlDbType.Text, _stream.ToArray()),
                Sql.Array(NpgsqlDbType.Bigint, _version.ToArray()),
                Sql.Array(NpgsqlDbType.TimestampTz, _at.ToArray()),
                Sql.Array(NpgsqlDbType.Text, _kind.ToArray()),
                Sql.Array(NpgsqlDbType.Text, _title.ToArray()),
                Sql.Array(NpgsqlDbType.Text, _summary.ToArray()),
                Sql.Array(NpgsqlDbType.Uuid, _actorId.ToArray()),
                Sql.Array(NpgsqlDbType.Text, _actorName.ToArray()),
                Sql.Array(NpgsqlDbType.Text, _actorRole.ToArray()),
                Sql.Array(NpgsqlDbType.Text, _channel.ToArray()),
                Sql.Array(NpgsqlDbType.Uuid, _case.ToArray()));
            _position.Clear();
            _customer.Clear();
            _stream.Clear();
            _version.Clear();
            _at.Clear();
            _kind.Clear();
            _title.Clear();
            _summary.Clear();
            _actorId.Clear();
            _actorName.Clear();
            _actorRole.Clear();
            _channel.Clear();
            _case.Clear();
        }
    }

    /// <summary>Case-to-customer rows for one multi-row insert.</summary>
    private sealed class CaseRows
    {
        private readonly List<Guid> _case = [];
        private readonly List<Guid> _customer = [];
        private readonly List<DateTimeOffset> _openedAt = [];

        public void Add(Guid caseId, Guid customerId, DateTimeOffset openedAt)
        {
            _case.Add(caseId);
            _customer.Add(customerId);
            _openedAt.Add(openedAt);
        }

        public void Flush(SqlBatch batch, string insert)
        {
            if (_case.Count > 0)
            {
                batch.Add(insert, Sql.Array(NpgsqlDbType.Uuid, _case.ToArray()), Sql.Array(NpgsqlDbType.Uuid, _customer.ToArray()), Sql.Array(NpgsqlDbType.TimestampTz, _openedAt.ToArray()));
            }
        }
    }
}
