using System.Globalization;
using System.Text;
using Crm.Domain.Cases;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Queues;

namespace Crm.Projections.Timeline;

internal sealed partial class CustomerTimelineProjection
{
    /// <summary>The longest summary kept; longer text is cut with an ellipsis.</summary>
    public const int SummaryLength = 200;

    /// <summary>What a timeline row shows. Titles never hold personal data; summaries may, and are erased with the customer.</summary>
    internal sealed record Entry(string Title, string Summary, Actor Actor, Channel? Channel);

    /// <summary>The title, summary, actor and channel of an event; null for events that are not the timeline's.</summary>
    internal static Entry? Describe(object @event) => @event switch
    {
        CustomerEvent e => Describe(e),
        CaseEvent e => Describe(e),
        ContactAbandoned e => new(
            $"{e.Channel} contact abandoned in queue {e.Queue}",
            Invariant($"Gave up after {e.WaitSeconds} s waiting in queue {e.Queue}"),
            e.By,
            e.Channel),
        _ => null,
    };

    private static Entry Describe(CustomerEvent @event) => @event switch
    {
        CustomerRegistered e => new("Customer registered", $"{e.Name} · {Words(e.Segment)} customer via {e.Channel}, language {e.Language}", e.By, e.Channel),
        ContactDetailsChanged e => new("Contact details changed", Join(" · ", [e.Name, .. e.Emails, .. e.Phones, e.Address?.City]), e.By, null),
        PreferencesChanged e => new(
            "Preferences changed",
            $"Prefers {e.PreferredChannel} in {e.Language}; marketing consent {(e.MarketingConsent ? "given" : "not given")}",
            e.By,
            null),
        ProductRegistered e => new(
            e.Plan is null ? "Product registered" : "Subscription registered",
            Invariant($"{e.Name} ({e.Sku}), purchased {e.PurchasedOn:yyyy-MM-dd}") + (e.Plan is null ? "" : $", plan {e.Plan}"),
            e.By,
            null),
        SubscriptionChanged e => new(
            $"Subscription {Words(e.Change).ToLowerInvariant()}",
            Invariant($"Plan {e.PreviousPlan ?? "none"} → {e.Plan ?? "none"}, effective {e.EffectiveOn:yyyy-MM-dd}"),
            e.By,
            null),
        InteractionLogged e => new($"{e.Channel} contact ({e.Direction.ToString().ToLowerInvariant()}): {e.Topic}", e.Summary, e.By, e.Channel),
        OfferPresented e => new($"{Words(e.Kind)} offer presented", e.Description, e.By, null),
        OfferAccepted e => new("Offer accepted", "The customer accepted the offer", e.By, null),
        OfferDeclined e => new("Offer declined", e.Reason ?? "No reason given", e.By, null),
        CustomerDataErased e => new("Personal data erased", e.Reason, e.By, null),
        _ => new(Words(@event.GetType().Name), "", @event.By, null),
    };

    private static Entry Describe(CaseEvent @event) => @event switch
    {
        CaseOpened e => new($"{Words(e.Kind)} opened: {Words(e.Category)} ({e.Priority})", e.Subject, e.By, e.Channel),
        CaseAssigned e => new(
            "Case assigned",
            (e.AgentId, e.Team) switch
            {
                ({ } agent, { } team) => $"Assigned to agent {agent} in team {team}",
                ({ } agent, null) => $"Assigned to agent {agent}",
                _ => $"Assigned to team {e.Team}",
            },
            e.By,
            null),
        CaseEscalated e => new($"Case escalated to {Join(" / ", [e.Tier?.ToString(), e.Department?.ToString()])}", e.Reason, e.By, null),
        CaseNoteAdded e => new(e.Visibility == NoteVisibility.CustomerFacing ? "Reply sent to customer" : "Internal note added", e.Text, e.By, null),
        RefundIssued e => new($"Refund issued: {e.Amount}", Approved(e.Reason, e.ApprovalRequestId), e.By, null),
        ExchangeArranged e => new($"Exchange arranged: {e.ReturnedSku} → {e.ReplacementSku} ({e.Value})", Approved(e.Reason, e.ApprovalRequestId), e.By, null),
        ServiceAdjusted e => new($"Service adjusted ({e.Value})", Approved($"{e.Adjustment}: {e.Reason}", e.ApprovalRequestId), e.By, null),
        RemedyApprovalRequested e => new($"Approval requested: {Words(e.Remedy.Kind)} {e.Remedy.Value}", e.Remedy.Reason, e.By, null),
        RemedyApproved e => new("Remedy approved", $"Approved by {e.By.Name} ({e.By.Role})", e.By, null),
        RemedyRejected e => new("Remedy rejected", e.Reason, e.By, null),
        CaseResolved e => new($"Case resolved: {Words(e.RootCause).ToLowerInvariant()}", e.Resolution, e.By, null),
        CaseReopened e => new("Case reopened", e.Reason, e.By, null),
        FollowUpScheduled e => new(
            Invariant($"Follow-up scheduled for {e.DueAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC"),
            e.Note ?? $"By {e.Channel}",
            e.By,
            e.Channel),
        FollowUpCompleted e => new(
            e.CustomerSatisfied ? "Follow-up done: customer satisfied" : "Follow-up done: customer not satisfied",
            e.Note ?? "",
            e.By,
            null),
        SatisfactionRecorded e => new(
            "Survey answered: " + Join(", ", [e.Csat is { } c ? Invariant($"CSAT {c}/5") : null, e.Nps is { } n ? Invariant($"NPS {n}/10") : null]),
            e.Comment ?? "",
            e.By,
            null),
        CaseClosed e => new("Case closed", "", e.By, null),
        SlaBreached e => new(
            e.Kind == SlaKind.FirstResponse ? "First response SLA breached" : "Resolution SLA breached",
            Invariant($"Was due {e.DueAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC"),
            e.By,
            null),
        _ => new(Words(@event.GetType().Name), "", @event.By, null),
    };

    private static string Approved(string reason, Guid? approvalRequestId) => approvalRequestId is null ? reason : $"{reason} (approved on request)";

    /// <summary>The text on one line (line breaks and runs of white space become one space), cut to <see cref="SummaryLength"/>.</summary>
    internal static string OneLine(string text)
    {
        var line = new StringBuilder(Math.Min(text.Length, SummaryLength + 1));
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space)
            {
                line.Append(' ');
                space = false;
            }
            line.Append(c);
            if (line.Length > SummaryLength)
            {
                break;
            }
        }
        return line.Length > SummaryLength ? line.ToString(0, SummaryLength - 1) + "…" : line.ToString();
    }

    /// <summary><c>DefectiveProduct</c> → <c>Defective product</c>.</summary>
    private static string Words<T>(T value)
        where T : notnull
    {
        var name = value.ToString()!;
        var words = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                words.Append(' ').Append(char.ToLowerInvariant(name[i]));
            }
            else
            {
                words.Append(name[i]);
            }
        }
        return words.ToString();
    }

    private static string Join(string separator, IEnumerable<string?> parts) => string.Join(separator, parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
