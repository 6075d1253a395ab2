using Crm.Domain.Cases;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Policies;
using Crm.Domain.Queues;

namespace Crm.Tests.Projections;

/// <summary>
/// One customer's history over two days, written through the real deciders:
/// <code>
/// Mon 2025-03-03
///  08:00  Jane Doe registered (by phone)                          alice
///  08:05  kettle registered                                       alice
///  08:55  abandoned Phone call in queue "support" (entered 08:50)  telephony
///  09:10  complaint C1 opened: DefectiveProduct, High, Phone       alice   FR due 13:10, resolution due Tue 09:10
///  09:12  Phone contact I1, inbound, queue support, linked to C1   alice   started 09:05, talk 300 hold 60 wrap-up 40
///  09:15  C1 assigned to alice                                     alice
///  09:20  C1 escalated to Supervisor                               alice
///  10:05  Email contact I2, inbound, linked to C1                  alice   started 10:00, wrap-up 120
///  10:30  refund 120.00 EUR requested for approval (agent limit 50) alice
///  11:00  approved: RemedyApproved + RefundIssued                  sam (Supervisor, limit 500)
///  11:30  C1 resolved (ProductDefect)                              alice
///  14:00  inquiry C2 opened: Warranty, Normal, Email               alice   FR due 22:00, resolution due Thu 14:00
///  14:02  Email contact I3, inbound, linked to C2                  alice   started 13:55, wrap-up 180
///  23:00  SLA check on C2: first response breached                 sla-clock (System)
/// Tue 2025-03-04
///  08:00  C2 customer-facing reply (C2's first response)           alice
///  08:10  C2 resolved (NoFault)                                    alice
///  09:00  C1 reopened                                              alice
///  09:08  Chat contact I4, inbound, queue support, linked to C1    alice   started 09:05, talk 200 wrap-up 30
///  09:30  C1 resolved again (ProductDefect)                        alice
///  10:00  survey C2: CSAT 2, NPS 5                                 alice
///  12:00  survey C1: CSAT 4, NPS 9                                 alice
/// </code>
/// 22 events, positions 1–22 in this order (11:00 gives two).
/// </summary>
internal static class CustomerHistory
{
    public static readonly Guid Jane = Guid.Parse("0195a1b0-0000-7000-8000-00000000c001");
    public static readonly Guid Kettle = Guid.Parse("0195a1b0-0000-7000-8000-00000000b001");
    public static readonly Guid C1 = Guid.Parse("0195a1b0-0000-7000-8000-0000000ca5e1");
    public static readonly Guid C2 = Guid.Parse("0195a1b0-0000-7000-8000-0000000ca5e2");
    public static readonly Guid I1 = Guid.Parse("0195a1b0-0000-7000-8000-0000000001a1");
    public static readonly Guid I2 = Guid.Parse("0195a1b0-0000-7000-8000-0000000001a2");
    public static readonly Guid I3 = Guid.Parse("0195a1b0-0000-7000-8000-0000000001a3");
    public static readonly Guid I4 = Guid.Parse("0195a1b0-0000-7000-8000-0000000001a4");
    public static readonly Guid Abandoned = Guid.Parse("0195a1b0-0000-7000-8000-0000000a0001");
    public static readonly Guid RefundRequest = Guid.Parse("0195a1b0-0000-7000-8000-0000000a9901");
    public static readonly Guid Refund = Guid.Parse("0195a1b0-0000-7000-8000-0000000e0001");

    public static readonly Actor Alice = new(Guid.Parse("0195a1b0-0000-7000-8000-00000000a11c"), "Alice Agent", ActorRole.Agent);
    public static readonly Actor Sam = new(Guid.Parse("0195a1b0-0000-7000-8000-000000005a30"), "Sam Supervisor", ActorRole.Supervisor);
    public static readonly Actor Telephony = new(Guid.Parse("0195a1b0-0000-7000-8000-0000000070e1"), "telephony", ActorRole.System);
    public static readonly Actor SlaClock = new(Guid.Parse("0195a1b0-0000-7000-8000-000000005c1c"), "sla-clock", ActorRole.System);

    public static readonly DateOnly Monday = new(2025, 3, 3);
    public static readonly DateOnly Tuesday = new(2025, 3, 4);

    public static DateTimeOffset Mon(int hour, int minute) => At(Monday, hour, minute);

    public static DateTimeOffset Tue(int hour, int minute) => At(Tuesday, hour, minute);

    public static EventScript Write()
    {
        var s = new EventScript();
        var authority = AuthorityPolicy.Default;
        s.Run(new RegisterCustomer(Jane, "Jane Doe", ["jane.doe@example.com"], ["+44 20 7946 0018"],
            new PostalAddress("1 High Street", null, "SW1A 1AA", "London", null, "GB"), "en-GB", Segment.Consumer, Channel.Phone, Alice, Mon(8, 0)));
        s.Run(new RegisterProduct(Jane, Kettle, "KET-200", "Kettle 200", new DateOnly(2025, 2, 10), new DateOnly(2027, 2, 10), null, Alice, Mon(8, 5)));
        s.Run(new RecordAbandonedContact("support", Abandoned, Channel.Phone, Mon(8, 50), 300, "+44 20 7946 0018", Jane, Telephony, Mon(8, 56)));
        s.Run(new OpenCase(C1, Jane, CaseKind.Complaint, CaseCategory.DefectiveProduct, Priority.High, Channel.Phone,
            "Kettle arrived cracked", "The kettle delivered on Friday has a cracked base.", "EUR", SlaPolicy.Default, Alice, Mon(9, 10)));
        s.Run(new LogInteraction(Jane, I1, Channel.Phone, Direction.Inbound, "support", Alice.Id, "Damaged kettle",
            "Customer reports the kettle arrived cracked\nand wants a refund.", Mon(9, 5), 300, 60, 40, C1, Alice, Mon(9, 12)));
        s.Run(new AssignCase(C1, Alice.Id, null, Alice, Mon(9, 15)));
        s.Run(new EscalateCase(C1, EscalationTier.Supervisor, null, "Customer asks for a full refund above agent authority", Alice, Mon(9, 20)));
        s.Run(new LogInteraction(Jane, I2, Channel.Email, Direction.Inbound, null, Alice.Id, "Photos of damage",
            "Customer sent photos of the cracked kettle.", Mon(10, 0), 0, 0, 120, C1, Alice, Mon(10, 5)));
        s.Run(new RequestRemedyApproval(C1, RefundRequest, RemedyProposal.Refund(new Money(120.00m, "EUR"), "Full refund for a cracked kettle"),
            authority, Alice, Mon(10, 30)));
        s.Run(new ApproveRemedy(C1, RefundRequest, Refund, authority, Sam, Mon(11, 0)));
        s.Run(new ResolveCase(C1, "Refunded in full", RootCause.ProductDefect, Alice, Mon(11, 30)));
        s.Run(new OpenCase(C2, Jane, CaseKind.Inquiry, CaseCategory.Warranty, Priority.Normal, Channel.Email,
            "Warranty for the lid hinge", "Does the warranty cover the lid hinge?", "EUR", SlaPolicy.Default, Alice, Mon(14, 0)));
        s.Run(new LogInteraction(Jane, I3, Channel.Email, Direction.Inbound, null, Alice.Id, "Warranty question",
            "Asks whether the warranty covers the lid hinge.", Mon(13, 55), 0, 0, 180, C2, Alice, Mon(14, 2)));
        s.Run(new CheckSla(C2, SlaClock, Mon(23, 0)));
        s.Run(new AddCaseNote(C2, "The hinge is covered; a replacement lid is on its way.", NoteVisibility.CustomerFacing, Alice, Tue(8, 0)));
        s.Run(new ResolveCase(C2, "Replacement lid sent under warranty", RootCause.NoFault, Alice, Tue(8, 10)));
        s.Run(new ReopenCase(C1, "Refund has not arrived", Alice, Tue(9, 0)));
        s.Run(new LogInteraction(Jane, I4, Channel.Chat, Direction.Inbound, "support", Alice.Id, "Refund status",
            "Customer asks where the refund is.", Tue(9, 5), 200, 0, 30, C1, Alice, Tue(9, 8)));
        s.Run(new ResolveCase(C1, "Refund confirmed with finance", RootCause.ProductDefect, Alice, Tue(9, 30)));
        s.Run(new RecordSatisfaction(C2, 2, 5, "Took too long to hear back", Alice, Tue(10, 0)));
        s.Run(new RecordSatisfaction(C1, 4, 9, "Sorted in the end", Alice, Tue(12, 0)));
        return s;
    }

    private static DateTimeOffset At(DateOnly day, int hour, int minute) => new(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.Zero);
}
