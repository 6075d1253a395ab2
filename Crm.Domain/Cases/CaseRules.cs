using Crm.Domain.Common;

namespace Crm.Domain.Cases;

/// <summary>Definitions shared by the decisions and the read models, so both measure the same thing.</summary>
public static class CaseRules
{
    /// <summary>
    /// Whether the event is a response to the customer; the first such event is the case's first
    /// response. It is: opening the case during a live contact (Phone, Chat, InPerson — the customer
    /// is being answered), a customer-facing note (a reply), any remedy, a completed follow-up, or
    /// the resolution. Assignments, escalations and internal notes are not: the customer does not
    /// hear of them.
    /// </summary>
    public static bool IsResponse(CaseEvent @event) => @event switch
    {
        CaseOpened e => e.Channel.IsLive(),
        CaseNoteAdded e => e.Visibility == NoteVisibility.CustomerFacing,
        RefundIssued or ExchangeArranged or ServiceAdjusted or FollowUpCompleted or CaseResolved => true,
        _ => false,
    };
}
