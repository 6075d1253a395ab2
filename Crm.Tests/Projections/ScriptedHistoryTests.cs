using Crm.Domain.Cases;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Projections;
using Crm.Tests.Infrastructure;
using static Crm.Tests.Projections.CustomerHistory;

namespace Crm.Tests.Projections;

/// <summary>
/// The history of <see cref="CustomerHistory"/> through every projection, checked row by row
/// against figures worked out by hand from the events (see the comments).
/// </summary>
public sealed class ScriptedHistoryTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private async Task<ReadModelStore> ProjectedAsync()
    {
        var store = await ReadModelStore.CreateAsync(database);
        await store.ProjectAsync(Write().Events);
        return store;
    }

    [Fact]
    public async Task Timeline_HoldsOneEntryPerEventOfTheCustomerHerCasesAndHerAbandonedCall_NewestFirst()
    {
        var store = await ProjectedAsync();

        var page = await store.Queries.TimelineAsync(Jane, first: 100);

        string customer = $"customer-{Jane}", c1 = $"case-{C1}", c2 = $"case-{C2}";
        TimelineEntry Entry(long position, string stream, long version, DateTimeOffset at, string kind, string title, string summary, Actor by, Channel? channel, Guid? caseId) =>
            new(position, Jane, stream, version, at, kind, title, summary, by.Id, by.Name, by.Role, channel, caseId);
        TimelineEntry[] expected =
        [
            Entry(22, c1, 10, Tue(12, 0), "SatisfactionRecorded", "Survey answered: CSAT 4/5, NPS 9/10", "Sorted in the end", Alice, null, C1),
            Entry(21, c2, 5, Tue(10, 0), "SatisfactionRecorded", "Survey answered: CSAT 2/5, NPS 5/10", "Took too long to hear back", Alice, null, C2),
            Entry(20, c1, 9, Tue(9, 30), "CaseResolved", "Case resolved: product defect", "Refund confirmed with finance", Alice, null, C1),
            Entry(19, customer, 6, Tue(9, 8), "InteractionLogged", "Chat contact (inbound): Refund status", "Customer asks where the refund is.", Alice, Channel.Chat, C1),
            Entry(18, c1, 8, Tue(9, 0), "CaseReopened", "Case reopened", "Refund has not arrived", Alice, null, C1),
            Entry(17, c2, 4, Tue(8, 10), "CaseResolved", "Case resolved: no fault", "Replacement lid sent under warranty", Alice, null, C2),
            Entry(16, c2, 3, Tue(8, 0), "CaseNoteAdded", "Reply sent to customer", "The hinge is covered; a replacement lid is on its way.", Alice, null, C2),
            Entry(15, c2, 2, Mon(23, 0), "SlaBreached", "First response SLA breached", "Was due 2025-03-03 22:00 UTC", SlaClock, null, C2),
            Entry(14, customer, 5, Mon(14, 2), "InteractionLogged", "Email contact (inbound): Warranty question", "Asks whether the warranty covers the lid hinge.", Alice, Channel.Email, C2),
            Entry(13, c2, 1, Mon(14, 0), "CaseOpened", "Inquiry opened: Warranty (Normal)", "Warranty for the lid hinge", Alice, Channel.Email, C2),
            Entry(12, c1, 7, Mon(11, 30), "CaseResolved", "Case resolved: product defect", "Refunded in full", Alice, null, C1),
            // Approval and refund share a time: the position orders them.
            Entry(11, c1, 6, Mon(11, 0), "RefundIssued", "Refund issued: 120.00 EUR", "Full refund for a cracked kettle (approved on request)", Sam, null, C1),
            Entry(10, c1, 5, Mon(11, 0), "RemedyApproved", "Remedy approved", "Approved by Sam Supervisor (Supervisor)", Sam, null, C1),
            Entry(9, c1, 4, Mon(10, 30), "RemedyApprovalRequested", "Approval requested: Refund 120.00 EUR", "Full refund for a cracked kettle", Alice, null, C1),
            Entry(8, customer, 4, Mon(10, 5), "InteractionLogged", "Email contact (inbound): Photos of damage", "Customer sent photos of the cracked kettle.", Alice, Channel.Email, C1),
            Entry(7, c1, 3, Mon(9, 20), "CaseEscalated", "Case escalated to Supervisor", "Customer asks for a full refund above agent authority", Alice, null, C1),
            Entry(6, c1, 2, Mon(9, 15), "CaseAssigned", "Case assigned", $"Assigned to agent {Alice.Id}", Alice, null, C1),
            // The summary's line break became a space.
            Entry(5, customer, 3, Mon(9, 12), "InteractionLogged", "Phone contact (inbound): Damaged kettle", "Customer reports the kettle arrived cracked and wants a refund.", Alice, Channel.Phone, C1),
            Entry(4, c1, 1, Mon(9, 10), "CaseOpened", "Complaint opened: Defective product (High)", "Kettle arrived cracked", Alice, Channel.Phone, C1),
            Entry(3, "queue-support", 1, Mon(8, 55), "ContactAbandoned", "Phone contact abandoned in queue support", "Gave up after 300 s waiting in queue support", Telephony, Channel.Phone, null),
            Entry(2, customer, 2, Mon(8, 5), "ProductRegistered", "Product registered", "Kettle 200 (KET-200), purchased 2025-02-10", Alice, null, null),
            Entry(1, customer, 1, Mon(8, 0), "CustomerRegistered", "Customer registered", "Jane Doe · Consumer customer via Phone, language en-GB", Alice, Channel.Phone, null),
        ];
        Assert.Equal(expected, page.Nodes);
        Assert.False(page.HasNextPage);
    }

    [Fact]
    public async Task Profile_HoldsDetailsProductsAndStatistics()
    {
        var store = await ProjectedAsync();

        var profile = await store.Queries.ProfileAsync(Jane, asOf: Tue(12, 0));

        Assert.NotNull(profile);
        Assert.Equal(CustomerStatus.Active, profile.Status);
        Assert.Equal("Jane Doe", profile.Name);
        Assert.Equal(["jane.doe@example.com"], profile.Emails);
        Assert.Equal(["+44 20 7946 0018"], profile.Phones);
        Assert.Equal(new PostalAddress("1 High Street", null, "SW1A 1AA", "London", null, "GB"), profile.Address);
        Assert.Equal(("en-GB", Segment.Consumer, Channel.Phone, Channel.Phone, false), (profile.Language, profile.Segment, profile.AcquiredThrough, profile.PreferredChannel, profile.MarketingConsent));
        Assert.Equal(Mon(8, 0), profile.RegisteredAt);
        Assert.Null(profile.ErasedAt);
        Assert.Equal([new OwnedProduct(Kettle, "KET-200", "Kettle 200", new DateOnly(2025, 2, 10), new DateOnly(2027, 2, 10), null, SubscriptionStatus.None)], profile.Products);

        var stats = profile.Stats;
        // Open cases: C1 opened +1, C1 resolved −1, C2 opened +1, C2 resolved −1, C1 reopened +1, C1 resolved −1 = 0.
        Assert.Equal(0, stats.OpenCases);
        // I1, I2, I3, I4 (the abandoned call never reached anyone, so it is not a contact).
        Assert.Equal(4, stats.ContactsTotal);
        // The latest start among the contacts: I4 at Tue 09:05.
        Assert.Equal(Tue(9, 5), stats.LastContactAt);
        // (2 + 4) / 2.
        Assert.Equal(3m, stats.AverageCsat);
        // C1's survey (Tue 12:00, NPS 9) is later than C2's (Tue 10:00, NPS 5).
        Assert.Equal(9, stats.LastNps);
        // C1 is the one complaint, opened Mon 09:10.
        Assert.Equal(1, stats.ComplaintsLast30Days);
        Assert.Equal([new Money(120m, "EUR")], stats.RefundsTotal);
    }

    [Fact]
    public async Task Profile_CountsComplaintsOfTheThirtyDaysUpToTheMomentAsked()
    {
        var store = await ProjectedAsync();

        // C1 opened 2025-03-03 09:10; the window is (asOf − 30 days, asOf].
        var lastMinuteInside = await store.Queries.ProfileAsync(Jane, new DateTimeOffset(2025, 4, 2, 9, 9, 0, TimeSpan.Zero));
        var firstMinuteOutside = await store.Queries.ProfileAsync(Jane, new DateTimeOffset(2025, 4, 2, 9, 10, 0, TimeSpan.Zero));
        var beforeOpening = await store.Queries.ProfileAsync(Jane, Mon(9, 0));

        Assert.Equal(1, lastMinuteInside!.Stats.ComplaintsLast30Days);
        Assert.Equal(0, firstMinuteOutside!.Stats.ComplaintsLast30Days);
        Assert.Equal(0, beforeOpening!.Stats.ComplaintsLast30Days);
    }

    [Fact]
    public async Task Case_TheComplaint_HasEveryField()
    {
        var store = await ProjectedAsync();

        var details = await store.Queries.CaseAsync(C1);

        Assert.NotNull(details);
        var expected = new CaseView(
            C1, Jane, CaseStatus.Resolved, CaseKind.Complaint, CaseCategory.DefectiveProduct, Priority.High, Channel.Phone,
            "Kettle arrived cracked", "EUR", Mon(9, 10), Alice.Id, Alice.Name,
            AssigneeAgentId: Alice.Id, AssigneeTeam: null, EscalationTier: EscalationTier.Supervisor, EscalationDepartment: null, Escalations: 1,
            Remedies: 1, RemedyTotal: 120m, RefundTotal: 120m,
            PendingApprovals: 0, // requested +1, approved −1
            Notes: 0, OpenFollowUps: 0,
            Contacts: 3, // I1, I2, I4
            FirstResponseDue: Mon(13, 10), // High: 4 h
            ResolutionDue: Tue(9, 10), // High: 24 h
            FirstResponseAt: Mon(9, 10), FirstResponseTime: TimeSpan.Zero, // opened during a phone call: answered at once
            FirstResolvedAt: Mon(11, 30), FirstResolutionTime: TimeSpan.FromMinutes(140), // 09:10 → 11:30
            ResolvedAt: Tue(9, 30), ResolutionTime: TimeSpan.FromHours(24) + TimeSpan.FromMinutes(20), // Mon 09:10 → Tue 09:30
            ClosedAt: null, RootCause: RootCause.ProductDefect,
            FirstResponseSla: SlaStatus.Met, // 09:10 ≤ 13:10
            ResolutionSla: SlaStatus.Met, // first resolution Mon 11:30 ≤ Tue 09:10
            ReopenCount: 1,
            Fcr: false, // three contacts, and reopened
            Csat: 4, Nps: 9, SatisfactionAt: Tue(12, 0), LastEventAt: Tue(12, 0), Version: 10);
        Assert.Equal(expected, details.Case);
        Assert.Equal(
            [new CaseEscalationView(Mon(9, 20), EscalationTier.Supervisor, null, "Customer asks for a full refund above agent authority", Alice.Id, Alice.Name, ActorRole.Agent)],
            details.Escalations);
        Assert.Equal(
            [new CaseRemedyView(Refund, RemedyKind.Refund, new Money(120m, "EUR"), Mon(11, 0), Sam.Id, Sam.Name, ActorRole.Supervisor, RefundRequest)],
            details.Remedies);
    }

    [Fact]
    public async Task Case_TheInquiry_BreachedItsFirstResponseAndIsAFirstContactResolution()
    {
        var store = await ProjectedAsync();

        var details = await store.Queries.CaseAsync(C2);

        var c = details!.Case;
        Assert.Equal((CaseStatus.Resolved, CaseKind.Inquiry, CaseCategory.Warranty, Priority.Normal, Channel.Email), (c.Status, c.Kind, c.Category, c.Priority, c.Channel));
        Assert.Null(c.AssigneeAgentId);
        Assert.Equal(Mon(22, 0), c.FirstResponseDue); // Normal: 8 h
        Assert.Equal(new DateTimeOffset(2025, 3, 6, 14, 0, 0, TimeSpan.Zero), c.ResolutionDue); // Normal: 3 days
        // An e-mail opening is no response; the reply on Tue 08:00 is, 18 h after opening and after the breach was recorded.
        Assert.Equal((Tue(8, 0), TimeSpan.FromHours(18)), (c.FirstResponseAt, c.FirstResponseTime));
        Assert.Equal(SlaStatus.Breached, c.FirstResponseSla);
        // Mon 14:00 → Tue 08:10 = 18 h 10 min, well before Thu 14:00.
        Assert.Equal((Tue(8, 10), TimeSpan.FromMinutes(18 * 60 + 10)), (c.ResolvedAt, c.ResolutionTime));
        Assert.Equal(c.ResolutionTime, c.FirstResolutionTime);
        Assert.Equal(SlaStatus.Met, c.ResolutionSla);
        // One contact (I3), never reopened.
        Assert.Equal((1, 0, true), (c.Contacts, c.ReopenCount, c.Fcr));
        Assert.Equal((1, 0, 0, 0m), (c.Notes, c.Escalations, c.Remedies, c.RemedyTotal));
        Assert.Equal((2, 5), (c.Csat, c.Nps));
        Assert.Equal(5L, c.Version);
        Assert.Empty(details.Escalations);
        Assert.Empty(details.Remedies);
    }

    [Fact]
    public async Task Trends_HoldExactlyTheCountersOfEveryDimension()
    {
        var store = await ProjectedAsync();

        var actual = await TrendCellsAsync(store);

        var alice = Alice.Id.ToString();
        // Alice's cells: she opened both cases, C1 is assigned to her, she handled every contact and
        // resolved both cases. C2's breach was recorded by the SLA clock (System) while C2 had no
        // assigned agent, so it is credited to nobody.
        //   Mon contacts: I1 (Phone, queue), I2 (Email), I3 (Email) → 3; handled (Phone/Chat): I1 → talk 300, hold 60, wrap-up 40;
        //       offered: I1 (inbound through a queue) → 1.
        //   Mon cases: C1 and C2 opened (C1 a complaint); C1 escalated once; the refund; C1 first resolved at 11:30 after
        //       140 min = 8400 s, within its due time; C1's first response at opening, 0 s, within due; FCR: C1 had
        //       2 contacts when resolved → denominator 1, numerator 0.
        //   Tue contacts: I4 (Chat, queue) → handled, talk 200, wrap-up 30, offered.
        //   Tue cases: C2's first response after 64800 s (already breached, so neither met nor breached again);
        //       C2 first resolved after 65400 s, within due, one contact, never reopened → FCR 1/1;
        //       C1 reopened; C1's second resolution is no new resolved case; surveys: CSAT 2 and 4 (one of them 4–5),
        //       sum 6; NPS 5 (detractor) and 9 (promoter).
        (string, long)[] aliceMonday =
        [
            ("contacts", 3), ("handled_contacts", 1), ("talk_seconds", 300), ("hold_seconds", 60), ("wrap_up_seconds", 40), ("offered_contacts", 1),
            ("cases_opened", 2), ("complaints", 1), ("escalations", 1), ("escalated_cases", 1), ("remedies", 1), ("refunds", 1),
            ("cases_resolved", 1), ("fcr_denominator", 1), ("resolution_seconds_sum", 8400), ("resolution_count", 1), ("resolution_sla_met", 1),
            ("first_response_seconds_sum", 0), ("first_response_count", 1), ("first_response_sla_met", 1),
        ];
        (string, long)[] aliceTuesday =
        [
            ("contacts", 1), ("handled_contacts", 1), ("talk_seconds", 200), ("wrap_up_seconds", 30), ("offered_contacts", 1),
            ("first_response_seconds_sum", 64800), ("first_response_count", 1),
            ("cases_resolved", 1), ("fcr_denominator", 1), ("fcr_numerator", 1), ("resolution_seconds_sum", 65400), ("resolution_count", 1), ("resolution_sla_met", 1),
            ("reopens", 1), ("csat_answers", 2), ("csat_satisfied", 1), ("csat_sum", 6), ("nps_answers", 2), ("nps_promoters", 1), ("nps_detractors", 1),
        ];
        // C1 (Complaint, DefectiveProduct, came by Phone): its contacts I1, I2 (Mon) and I4 (Tue) and its case counters.
        (string, long)[] c1Monday =
        [
            ("contacts", 2), ("handled_contacts", 1), ("talk_seconds", 300), ("hold_seconds", 60), ("wrap_up_seconds", 40), ("offered_contacts", 1),
            ("cases_opened", 1), ("complaints", 1), ("escalations", 1), ("escalated_cases", 1), ("remedies", 1), ("refunds", 1),
            ("cases_resolved", 1), ("fcr_denominator", 1), ("resolution_seconds_sum", 8400), ("resolution_count", 1), ("resolution_sla_met", 1),
            ("first_response_seconds_sum", 0), ("first_response_count", 1), ("first_response_sla_met", 1),
        ];
        (string, long)[] c1Tuesday =
        [
            ("contacts", 1), ("handled_contacts", 1), ("talk_seconds", 200), ("wrap_up_seconds", 30), ("offered_contacts", 1),
            ("reopens", 1), ("csat_answers", 1), ("csat_satisfied", 1), ("csat_sum", 4), ("nps_answers", 1), ("nps_promoters", 1),
        ];
        // C2 (Inquiry, Warranty, came by Email): contact I3, opening and breach on Monday; the rest on Tuesday.
        (string, long)[] c2Monday = [("contacts", 1), ("cases_opened", 1), ("first_response_sla_breached", 1)];
        (string, long)[] c2Tuesday =
        [
            ("first_response_seconds_sum", 64800), ("first_response_count", 1),
            ("cases_resolved", 1), ("fcr_denominator", 1), ("fcr_numerator", 1), ("resolution_seconds_sum", 65400), ("resolution_count", 1), ("resolution_sla_met", 1),
            ("csat_answers", 1), ("csat_sum", 2), ("nps_answers", 1), ("nps_detractors", 1),
        ];
        var expected = new Dictionary<(string, DateOnly, string), Dictionary<string, long>>
        {
            // Total = Alice's cells + the abandoned call (abandoned and offered) + C2's breach.
            [("total", Monday, "all")] = Cells(aliceMonday, ("offered_contacts", 1), ("abandoned_contacts", 1), ("first_response_sla_breached", 1)),
            [("total", Tuesday, "all")] = Cells(aliceTuesday),
            [("agent", Monday, alice)] = Cells(aliceMonday),
            [("agent", Tuesday, alice)] = Cells(aliceTuesday),
            [("category", Monday, "DefectiveProduct")] = Cells(c1Monday),
            [("category", Tuesday, "DefectiveProduct")] = Cells(c1Tuesday),
            [("category", Monday, "Warranty")] = Cells(c2Monday),
            [("category", Tuesday, "Warranty")] = Cells(c2Tuesday),
            [("kind", Monday, "Complaint")] = Cells(c1Monday),
            [("kind", Tuesday, "Complaint")] = Cells(c1Tuesday),
            [("kind", Monday, "Inquiry")] = Cells(c2Monday),
            [("kind", Tuesday, "Inquiry")] = Cells(c2Tuesday),
            // Phone on Monday: contact I1, the abandoned call, and C1's case counters (C1 came by phone); I2 is an e-mail.
            [("channel", Monday, "Phone")] = Cells(
                [.. c1Monday.Where(c => c.Item1 != "contacts")], ("contacts", 1), ("offered_contacts", 1), ("abandoned_contacts", 1)),
            // Email on Monday: contacts I2 and I3, and C2's case counters.
            [("channel", Monday, "Email")] = Cells([("contacts", 2), ("cases_opened", 1), ("first_response_sla_breached", 1)]),
            // Phone on Tuesday: C1's case counters (reopening, survey); Chat: contact I4; Email: C2's case counters.
            [("channel", Tuesday, "Phone")] = Cells([.. c1Tuesday.Where(c => c.Item1 is "reopens" or "csat_answers" or "csat_satisfied" or "csat_sum" or "nps_answers" or "nps_promoters")]),
            [("channel", Tuesday, "Chat")] = Cells([("contacts", 1), ("handled_contacts", 1), ("talk_seconds", 200), ("wrap_up_seconds", 30), ("offered_contacts", 1)]),
            [("channel", Tuesday, "Email")] = Cells(c2Tuesday),
            // Queue "support": I1 and the abandoned call on Monday (offered 2, abandoned 1), I4 on Tuesday.
            [("queue", Monday, "support")] = Cells(
                [("contacts", 1), ("handled_contacts", 1), ("talk_seconds", 300), ("hold_seconds", 60), ("wrap_up_seconds", 40), ("offered_contacts", 2), ("abandoned_contacts", 1)]),
            [("queue", Tuesday, "support")] = Cells([("contacts", 1), ("handled_contacts", 1), ("talk_seconds", 200), ("wrap_up_seconds", 30), ("offered_contacts", 1)]),
        };
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (key, counters) in expected)
        {
            Assert.True(counters.OrderBy(c => c.Key).SequenceEqual(actual[key].OrderBy(c => c.Key)), $"{key}: expected {Show(counters)} but was {Show(actual[key])}");
        }

        // The refund is filed once per dimension of the case (C1 on Monday).
        var refunds = await store.RowsAsync("SELECT dimension, value, day, currency, refunds, amount FROM __schema__.trend_refund_daily ORDER BY dimension, value");
        Assert.Equal(
            [("agent", alice), ("category", "DefectiveProduct"), ("channel", "Phone"), ("kind", "Complaint"), ("total", "all")],
            refunds.Select(r => ((string)r["dimension"]!, (string)r["value"]!)));
        Assert.All(refunds, r => Assert.Equal((Monday, "EUR", 1L, 120m), ((DateOnly)r["day"]!, (string)r["currency"]!, (long)r["refunds"]!, (decimal)r["amount"]!)));
    }

    [Fact]
    public async Task Kpis_OverBothDays_FollowTheFormulas()
    {
        var store = await ProjectedAsync();

        var (counters, kpis) = await store.Queries.KpisAsync(Monday, Tuesday);

        // FCR = resolved cases with one contact, never reopened ÷ resolved cases: C2 of {C1, C2} = 1/2.
        Assert.Equal(0.5m, kpis.Fcr);
        // AHT over Phone and Chat: I1 (300 + 60 + 40 = 400) and I4 (200 + 0 + 30 = 230) → 630 / 2 = 315 s; e-mails are left out.
        Assert.Equal(315m, kpis.AverageHandleTimeSeconds);
        // CSAT: answers 2 and 4, one of them 4–5 → 1/2; mean (2 + 4) / 2 = 3.
        Assert.Equal(0.5m, kpis.Csat);
        Assert.Equal(3m, kpis.AverageCsat);
        // NPS: 9 is a promoter, 5 a detractor → 50 % − 50 % = 0.
        Assert.Equal(0m, kpis.Nps);
        // Abandonment over all queues: 1 abandoned ÷ (2 answered inbound through the queue + 1 abandoned) = 1/3.
        Assert.Equal(1m / 3m, kpis.AbandonmentRate);
        // Escalation rate: 1 escalated case ÷ 2 opened.
        Assert.Equal(0.5m, kpis.EscalationRate);
        // Reopen rate: 1 reopening ÷ 2 resolved cases.
        Assert.Equal(0.5m, kpis.ReopenRate);
        // SLA: first response met (C1) and breached (C2); resolution met twice → 3 of 4 clocks met.
        Assert.Equal(0.75m, kpis.SlaCompliance);
        Assert.Equal(0.5m, kpis.FirstResponseSlaCompliance);
        Assert.Equal(1m, kpis.ResolutionSlaCompliance);
        // Mean first response: (0 + 64800) / 2 = 32400 s; mean first resolution: (8400 + 65400) / 2 = 36900 s.
        Assert.Equal(32400m, kpis.MeanFirstResponseSeconds);
        Assert.Equal(36900m, kpis.MeanResolutionSeconds);
        Assert.Equal((4L, 2L, 1L, 1L), (counters.Contacts, counters.CasesOpened, counters.Complaints, counters.Refunds));

        // Per queue: "support" had I1 and I4 answered and one call abandoned → 1/3 too.
        var (_, support) = await store.Queries.KpisAsync(Monday, Tuesday, TrendDimension.Queue, "support");
        Assert.Equal(1m / 3m, support.AbandonmentRate);
        // A queue nobody called has nothing to measure: null, not 0.
        var (_, empty) = await store.Queries.KpisAsync(Monday, Tuesday, TrendDimension.Queue, "sales");
        Assert.Null(empty.AbandonmentRate);
        Assert.Null(empty.AverageHandleTimeSeconds);
    }

    [Fact]
    public async Task Trends_SumDaysIntoWeeksAndMonths()
    {
        var store = await ProjectedAsync();

        var days = await store.Queries.TrendsAsync(new TrendQuery(Monday, Tuesday, TrendGrain.Day, TrendDimension.Total));
        var weeks = await store.Queries.TrendsAsync(new TrendQuery(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31), TrendGrain.Week, TrendDimension.Total));
        var months = await store.Queries.TrendsAsync(new TrendQuery(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), TrendGrain.Month, TrendDimension.Total));
        var tuesdayOnly = await store.Queries.TrendsAsync(new TrendQuery(Tuesday, Tuesday, TrendGrain.Week, TrendDimension.Total));

        Assert.Equal([(Monday, 3L), (Tuesday, 1L)], days.Select(p => (p.PeriodStart, p.Counters.Contacts)));
        Assert.Equal([new Money(120m, "EUR")], days[0].RefundAmounts);
        Assert.Empty(days[1].RefundAmounts);
        // Monday 2025-03-03 starts the ISO week; both days fall in it.
        var week = Assert.Single(weeks);
        Assert.Equal((Monday, 4L, 0.5m, 315m), (week.PeriodStart, week.Counters.Contacts, week.Kpis.Fcr, week.Kpis.AverageHandleTimeSeconds));
        var month = Assert.Single(months);
        Assert.Equal(new DateOnly(2025, 3, 1), month.PeriodStart);
        Assert.Equal(week.Counters, month.Counters);
        // The week starts before the range; only Tuesday is counted: FCR 1/1 (C2), AHT 230 / 1.
        var partial = Assert.Single(tuesdayOnly);
        Assert.Equal((Monday, 1L, 1m, 230m), (partial.PeriodStart, partial.Counters.Contacts, partial.Kpis.Fcr, partial.Kpis.AverageHandleTimeSeconds));
    }

    [Fact]
    public async Task Trends_ByDimension_GiveOnePointPerValue_AndFilterValues()
    {
        var store = await ProjectedAsync();

        var byChannel = await store.Queries.TrendsAsync(new TrendQuery(Monday, Tuesday, TrendGrain.Week, TrendDimension.Channel));
        var onlyChat = await store.Queries.TrendsAsync(new TrendQuery(Monday, Tuesday, TrendGrain.Week, TrendDimension.Channel) { Values = ["Chat"] });

        // Contacts: Chat I4; Email I2, I3; Phone I1.
        Assert.Equal([("Chat", 1L), ("Email", 2L), ("Phone", 1L)], byChannel.Select(p => (p.Value, p.Counters.Contacts)));
        Assert.Equal(["Chat"], onlyChat.Select(p => p.Value));
        await Assert.ThrowsAsync<ArgumentException>(() => store.Queries.TrendsAsync(new TrendQuery(Tuesday, Monday, TrendGrain.Day, TrendDimension.Total)));
    }

    [Fact]
    public async Task AgentPerformance_PerAgent_AndPerDay()
    {
        var store = await ProjectedAsync();

        var page = await store.Queries.AgentPerformanceAsync(Monday, Tuesday);
        var days = await store.RowsAsync("SELECT day, contacts, handled_contacts, talk_seconds, hold_seconds, wrap_up_seconds, cases_resolved, fcr_numerator, fcr_denominator, csat_answers, csat_satisfied, csat_sum, escalations FROM __schema__.agent_daily ORDER BY day");

        // Only Alice is credited: Sam approved a refund on a case assigned to Alice.
        var alice = Assert.Single(page.Nodes);
        Assert.Equal(
            new AgentPerformance(Alice.Id, Contacts: 4, HandledContacts: 2, HandleSeconds: 630, AverageHandleTimeSeconds: 315m, CasesResolved: 2, FcrCases: 1, Fcr: 0.5m,
                CsatAnswers: 2, CsatSatisfied: 1, Csat: 0.5m, AverageCsat: 3m, Escalations: 1),
            alice);
        Assert.False(page.HasNextPage);
        // Columns: day, contacts, handled, talk, hold, wrap-up, resolved, FCR numerator, FCR denominator, CSAT answers, satisfied, sum, escalations.
        object?[][] expectedDays =
        [
            [Monday, 3L, 1L, 300L, 60L, 40L, 1L, 0L, 1L, 0L, 0L, 0L, 1L],
            [Tuesday, 1L, 1L, 200L, 0L, 30L, 1L, 1L, 1L, 2L, 1L, 6L, 0L],
        ];
        Assert.Equal(expectedDays, days.Select(d => d.Values.ToArray()).ToArray());
    }

    private static async Task<Dictionary<(string, DateOnly, string), Dictionary<string, long>>> TrendCellsAsync(ReadModelStore store)
    {
        var rows = await store.RowsAsync("SELECT * FROM __schema__.trend_daily");
        return rows.ToDictionary(
            r => ((string)r["dimension"]!, (DateOnly)r["day"]!, (string)r["value"]!),
            r => r.Where(c => c.Value is long v && v != 0).ToDictionary(c => c.Key, c => (long)c.Value!));
    }

    private static Dictionary<string, long> Cells((string Column, long Value)[] counters, params (string Column, long Value)[] more)
    {
        var cells = new Dictionary<string, long>();
        foreach (var (column, value) in counters.Concat(more))
        {
            cells[column] = cells.GetValueOrDefault(column) + value;
        }
        return cells.Where(c => c.Value != 0).ToDictionary();
    }

    private static string Show(Dictionary<string, long> cells) => string.Join(", ", cells.OrderBy(c => c.Key).Select(c => $"{c.Key}={c.Value}"));
}
