using Crm.Domain.Cases;
using Crm.Domain.Customers;
using Crm.Domain.Queues;
using Crm.Projections.Engine;
using Npgsql;

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
        _insert = schema.Apply($"""
            INSERT INTO __schema__.customer_timeline
                (position, customer_id, stream_id, stream_version, at, kind, title, summary, actor_id, actor_name, actor_role, channel, case_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7,
                CASE WHEN EXISTS (SELECT 1 FROM __schema__.customer_timeline t WHERE t.customer_id = $2 AND t.kind = '{nameof(CustomerDataErased)}')
                     THEN '{Erased}' ELSE $8 END,
                $9, $10, $11, $12, $13)
            """);
        _mapCase = schema.Apply("INSERT INTO __schema__.case_customer (case_id, customer_id, opened_at) VALUES ($1, $2, $3)");
        _erase = schema.Apply($"UPDATE __schema__.customer_timeline SET summary = '{Erased}' WHERE customer_id = $1");
    }

    public string Name => "crm.customer_timeline";

    public ProjectionMode Mode => ProjectionMode.Inline;

    public IReadOnlyList<string> Tables { get; } = ["customer_timeline", "case_customer"];

    public Task ApplyAsync(IReadOnlyList<ProjectedEvent> events, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var batch = new SqlBatch();
        foreach (var projected in events)
        {
            Add(batch, projected);
        }
        return batch.ExecuteAsync(connection, transaction, cancellationToken);
    }

    private void Add(SqlBatch batch, ProjectedEvent projected)
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
            batch.Add(_mapCase, Sql.Uuid(opened.CaseId), Sql.Uuid(opened.CustomerId), Sql.Timestamp(projected.OccurredAt));
        }
        batch.Add(
            _insert,
            Sql.Long(projected.Position),
            Sql.Uuid(customer),
            Sql.Text(projected.StreamId),
            Sql.Long(projected.StreamVersion),
            Sql.Timestamp(projected.OccurredAt),
            Sql.Text(projected.Event.GetType().Name),
            Sql.Text(entry.Title),
            Sql.Text(OneLine(entry.Summary)),
            Sql.Uuid(entry.Actor.Id),
            Sql.Text(entry.Actor.Name),
            Sql.Text(entry.Actor.Role.ToString()),
            Sql.Text(entry.Channel?.ToString()),
            Sql.Uuid(caseId));
        if (projected.Event is CustomerDataErased)
        {
            batch.Add(_erase, Sql.Uuid(customer));
        }
    }

    private static Guid? CaseOf(CustomerEvent e) => e switch
    {
        InteractionLogged i => i.CaseId,
        OfferPresented o => o.CaseId,
        _ => null,
    };
}
