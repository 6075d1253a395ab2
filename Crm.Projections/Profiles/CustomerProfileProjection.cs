using Crm.Domain.Cases;
using Crm.Domain.Customers;
using Crm.Projections.Engine;
using Npgsql;

namespace Crm.Projections.Profiles;

/// <summary>
/// The customer profile (inline): current details, products, and the service statistics of SPEC
/// section 4. Every statistic is kept so that the order in which different streams' events arrive
/// does not matter (sums, maxima, and "latest by time then position"), and the 30-day complaint
/// count is left to the query, which knows what "now" is.
/// </summary>
internal sealed partial class CustomerProfileProjection : IReadModelProjection
{
    /// <summary>What the name reads once the customer is erased.</summary>
    public const string ErasedName = "erased";

    private readonly Statements _sql;

    public CustomerProfileProjection(ReadModelSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        _sql = new Statements(schema);
    }

    public string Name => "crm.customer_profile";

    public ProjectionMode Mode => ProjectionMode.Inline;

    public IReadOnlyList<string> Tables { get; } = ["customer_profile", "customer_product", "customer_complaint", "customer_refund_total"];

    public Task ApplyAsync(IReadOnlyList<ProjectedEvent> events, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var batch = new SqlBatch();
        foreach (var projected in events)
        {
            switch (projected.Event)
            {
                case CustomerEvent e:
                    AddCustomer(batch, e, projected);
                    break;
                case CaseEvent e:
                    AddCase(batch, e, projected);
                    break;
                default:
                    break;
            }
        }
        return batch.ExecuteAsync(connection, transaction, cancellationToken);
    }

    private void AddCustomer(SqlBatch batch, CustomerEvent @event, ProjectedEvent projected)
    {
        // A parameter belongs to one statement, so each statement gets its own.
        NpgsqlParameter Id() => Sql.Uuid(@event.CustomerId);
        switch (@event)
        {
            case CustomerRegistered e:
                batch.Add(
                    _sql.Register,
                    Id(), Sql.Text(e.Name), Sql.TextArray(e.Emails), Sql.TextArray(e.Phones),
                    Sql.Text(e.Address?.Line1), Sql.Text(e.Address?.Line2), Sql.Text(e.Address?.PostalCode),
                    Sql.Text(e.Address?.City), Sql.Text(e.Address?.Region), Sql.Text(e.Address?.Country),
                    Sql.Text(e.Language), Sql.Text(e.Segment.ToString()), Sql.Text(e.Channel.ToString()),
                    Sql.Timestamp(projected.OccurredAt),
                    Sql.Text(SearchKeys.Name(e.Name)), Sql.Text(SearchKeys.Emails(e.Emails)), Sql.Text(SearchKeys.Phones(e.Phones)));
                break;
            case ContactDetailsChanged e:
                batch.Add(
                    _sql.ChangeDetails,
                    Id(), Sql.Text(e.Name), Sql.TextArray(e.Emails), Sql.TextArray(e.Phones),
                    Sql.Text(e.Address?.Line1), Sql.Text(e.Address?.Line2), Sql.Text(e.Address?.PostalCode),
                    Sql.Text(e.Address?.City), Sql.Text(e.Address?.Region), Sql.Text(e.Address?.Country),
                    Sql.Text(SearchKeys.Name(e.Name)), Sql.Text(SearchKeys.Emails(e.Emails)), Sql.Text(SearchKeys.Phones(e.Phones)));
                break;
            case PreferencesChanged e:
                batch.Add(
                    _sql.ChangePreferences,
                    Id(), Sql.Text(e.PreferredChannel.ToString()), Sql.Text(e.Language), Sql.Bool(e.MarketingConsent),
                    Sql.Time(e.ContactHours?.From), Sql.Time(e.ContactHours?.To));
                break;
            case ProductRegistered e:
                batch.Add(
                    _sql.RegisterProduct,
                    Id(), Sql.Uuid(e.ProductId), Sql.Text(e.Sku), Sql.Text(e.Name), Sql.Date(e.PurchasedOn), Sql.Date(e.WarrantyUntil),
                    Sql.Text(e.Plan), Sql.Text((e.Plan is null ? SubscriptionStatus.None : SubscriptionStatus.Active).ToString()));
                break;
            case SubscriptionChanged e:
                batch.Add(_sql.ChangeSubscription, Id(), Sql.Uuid(e.ProductId), Sql.Text(e.Plan), Sql.Text(SubscriptionAfter(e.Change).ToString()));
                break;
            case InteractionLogged e:
                batch.Add(_sql.Contact, Id(), Sql.Timestamp(e.StartedAt));
                break;
            case CustomerDataErased:
                batch.Add(_sql.Erase, Id(), Sql.Timestamp(projected.OccurredAt));
                break;
            default:
                break;
        }
    }

    private void AddCase(SqlBatch batch, CaseEvent @event, ProjectedEvent projected)
    {
        // A parameter belongs to one statement, so each statement gets its own.
        NpgsqlParameter Id() => Sql.Uuid(@event.CustomerId);
        switch (@event)
        {
            case CaseOpened e:
                batch.Add(_sql.OpenCasesDelta, Id(), Sql.Int(1));
                if (e.Kind == CaseKind.Complaint)
                {
                    batch.Add(_sql.Complaint, Id(), Sql.Uuid(e.CaseId), Sql.Timestamp(projected.OccurredAt));
                }
                break;
            case CaseResolved:
                batch.Add(_sql.OpenCasesDelta, Id(), Sql.Int(-1));
                break;
            case CaseReopened:
                batch.Add(_sql.OpenCasesDelta, Id(), Sql.Int(1));
                break;
            case RefundIssued e:
                batch.Add(_sql.Refund, Id(), Sql.Text(e.Amount.Currency), Sql.Numeric(e.Amount.Amount));
                break;
            case SatisfactionRecorded e:
                batch.Add(_sql.Satisfaction, Id(), Sql.Int(e.Csat), Sql.Int(e.Nps), Sql.Timestamp(projected.OccurredAt), Sql.Long(projected.Position));
                break;
            default:
                break;
        }
    }

    private static SubscriptionStatus SubscriptionAfter(SubscriptionChangeKind change) => change switch
    {
        SubscriptionChangeKind.Paused => SubscriptionStatus.Paused,
        SubscriptionChangeKind.Cancelled => SubscriptionStatus.Cancelled,
        _ => SubscriptionStatus.Active,
    };
}
