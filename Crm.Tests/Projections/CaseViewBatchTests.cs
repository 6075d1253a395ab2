using Crm.Domain.Cases;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Projections.Cases;
using Crm.Projections.Engine;
using Crm.Tests.Infrastructure;

namespace Crm.Tests.Projections;

/// <summary>
/// As the sole writer of its tables (a rebuild's) the case view folds a large batch per case in
/// memory and writes each case row once; on the live tables, and event by event, it sends one
/// statement per change. Every way must leave exactly the same rows.
/// </summary>
public sealed class CaseViewBatchTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly Actor Agent = new(Guid.Parse("0195a1b0-0000-7000-8000-0000000000a1"), "Agent", ActorRole.Agent);
    private static readonly Guid Ann = Guid.Parse("0195a1b0-0000-7000-8000-0000000000c1");
    private static readonly Guid Bob = Guid.Parse("0195a1b0-0000-7000-8000-0000000000c2");
    private static readonly Guid Stored = Guid.Parse("0195a1b0-0000-7000-8000-0000000000d1");
    private static readonly Guid Untouched = Guid.Parse("0195a1b0-0000-7000-8000-0000000000d2");
    private static readonly Guid BobsCase = Guid.Parse("0195a1b0-0000-7000-8000-0000000000d3");
    private static readonly Guid ContactedFirst = Guid.Parse("0195a1b0-0000-7000-8000-0000000000d4");
    private static readonly Guid OpenedAndClosed = Guid.Parse("0195a1b0-0000-7000-8000-0000000000d5");
    private static readonly Guid OpenedAfterErasure = Guid.Parse("0195a1b0-0000-7000-8000-0000000000d6");
    private static readonly Guid NeverOpened = Guid.Parse("0195a1b0-0000-7000-8000-0000000000d7");

    // Sub-microsecond ticks: the stored times are truncated, and so must every figure derived from them be.
    private static readonly DateTimeOffset T0 = new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.Zero).AddTicks(7);

    private static DateTimeOffset At(int minutes) => T0.AddMinutes(minutes).AddTicks(minutes % 9);

    /// <summary>Three cases stored before the batch: one the batch works on, one of the erased customer it never names, one of another customer.</summary>
    private static List<object> Before() =>
    [
        Opened(Stored, Ann, Channel.Email, 0),
        Opened(Untouched, Ann, Channel.Email, 1),
        Opened(BobsCase, Bob, Channel.Phone, 2),
    ];

    /// <summary>One batch with several events per case, cases opened and closed in it, events before an opening, and an erasure.</summary>
    private static List<object> Batch() =>
    [
        Contact(ContactedFirst, Ann, 10),
        new CaseAssigned(OpenedAndClosed, Ann, At(11), Agent, Agent.Id, "before opening"),
        new CaseAssigned(ContactedFirst, Ann, At(12), Agent, Agent.Id, "tier one"),
        Opened(ContactedFirst, Ann, Channel.Chat, 13),
        new CaseEscalated(Stored, Ann, At(14), Agent, EscalationTier.Supervisor, null, "Above authority"),
        new CaseEscalated(Stored, Ann, At(15), Agent, null, Department.Finance, "Needs finance"),
        new CaseNoteAdded(Stored, Ann, At(16), Agent, "Internal only", NoteVisibility.Internal),
        new CaseNoteAdded(Stored, Ann, At(130), Agent, "Reply sent late", NoteVisibility.CustomerFacing),
        new RemedyApprovalRequested(Stored, Ann, At(131), Agent, Guid.Parse("0195a1b0-0000-7000-8000-0000000000e1"),
            RemedyProposal.Refund(new Money(10.005m, "EUR"), "Partial refund")),
        new RemedyApproved(Stored, Ann, At(132), Agent, Guid.Parse("0195a1b0-0000-7000-8000-0000000000e1"), Guid.Parse("0195a1b0-0000-7000-8000-0000000000f1")),
        new RefundIssued(Stored, Ann, At(132), Agent, Guid.Parse("0195a1b0-0000-7000-8000-0000000000f1"), new Money(10.005m, "EUR"), "Partial refund",
            Guid.Parse("0195a1b0-0000-7000-8000-0000000000e1")),
        new ExchangeArranged(Stored, Ann, At(133), Agent, Guid.Parse("0195a1b0-0000-7000-8000-0000000000f2"), "OLD-1", "NEW-1", new Money(5.50m, "EUR"), "Swap", null),
        new ServiceAdjusted(BobsCase, Bob, At(134), Agent, Guid.Parse("0195a1b0-0000-7000-8000-0000000000f3"), "Free month", new Money(3.25m, "EUR"), "Goodwill", null),
        new SlaBreached(Stored, Ann, At(1500), Agent, SlaKind.Resolution, At(1440)),
        new CaseResolved(Stored, Ann, At(1501), Agent, "Refunded", RootCause.ProductDefect),
        new CaseReopened(Stored, Ann, At(1502), Agent, "Not arrived"),
        new CaseResolved(Stored, Ann, At(1503), Agent, "Arrived", RootCause.Logistics),
        new CaseClosed(Stored, Ann, At(1504), Agent),
        new SatisfactionRecorded(Stored, Ann, At(1505), Agent, 4, null, "Fine"),
        new FollowUpScheduled(BobsCase, Bob, At(135), Agent, Guid.Parse("0195a1b0-0000-7000-8000-0000000000f4"), At(2000), Channel.Phone, null),
        new FollowUpCompleted(BobsCase, Bob, At(136), Agent, Guid.Parse("0195a1b0-0000-7000-8000-0000000000f4"), true, null),
        new SlaBreached(BobsCase, Bob, At(137), Agent, SlaKind.FirstResponse, At(62)),
        Opened(OpenedAndClosed, Ann, Channel.Email, 140),
        new CaseNoteAdded(OpenedAndClosed, Ann, At(141), Agent, "Quick reply", NoteVisibility.CustomerFacing),
        new CaseResolved(OpenedAndClosed, Ann, At(142), Agent, "Done", RootCause.NoFault),
        new CaseClosed(OpenedAndClosed, Ann, At(143), Agent),
        new CustomerDataErased(Ann, At(200), Agent, "Right to erasure"),
        new CaseNoteAdded(ContactedFirst, Ann, At(201), Agent, "After erasure", NoteVisibility.Internal),
        Contact(Stored, Ann, 202),
        Opened(OpenedAfterErasure, Ann, Channel.Phone, 203),
        Contact(NeverOpened, Bob, 204),
        new CaseResolved(BobsCase, Bob, At(205), Agent, "Sorted", RootCause.NoFault),
    ];

    private static CaseOpened Opened(Guid caseId, Guid customer, Channel channel, int minute) =>
        new(caseId, customer, At(minute), Agent, CaseKind.Complaint, CaseCategory.DefectiveProduct, Priority.High, channel,
            $"Subject of {caseId:N}", "Description", "EUR", At(minute + 60), At(minute + 1440));

    private static InteractionLogged Contact(Guid caseId, Guid customer, int minute) =>
        new(customer, At(minute), Agent, Guid.CreateVersion7(), Channel.Phone, Direction.Inbound, null, Agent.Id, "Call", "Summary",
            At(minute - 1), 60, 0, 10, caseId);

    private static List<ProjectedEvent> Recorded(IEnumerable<object> events)
    {
        var versions = new Dictionary<string, long>();
        var recorded = new List<ProjectedEvent>();
        foreach (var e in events)
        {
            var (stream, at) = e switch
            {
                CaseEvent c => ($"case-{c.CaseId}", c.OccurredAt),
                CustomerEvent c => ($"customer-{c.CustomerId}", c.OccurredAt),
                _ => throw new ArgumentException($"Unexpected event {e.GetType().Name}", nameof(events)),
            };
            versions[stream] = versions.GetValueOrDefault(stream) + 1;
            recorded.Add(ProjectedEvents.FromStore(recorded.Count + 1, stream, versions[stream], e, at, at));
        }
        return recorded;
    }

    private static async Task ApplyAsync(ReadModelStore store, IReadOnlyList<ProjectedEvent> events, int batchSize, bool soleWriter = true)
    {
        var projection = new CaseViewProjection(store.Schema, soleWriter);
        await using var connection = await store.DataSource.OpenConnectionAsync();
        foreach (var batch in events.Chunk(batchSize))
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await projection.ApplyAsync(batch, connection, transaction);
            await transaction.CommitAsync();
        }
    }

    private static async Task<List<Dictionary<string, object?>>[]> RowsAsync(ReadModelStore store) =>
    [
        await store.RowsAsync("SELECT * FROM __schema__.case_view ORDER BY case_id"),
        await store.RowsAsync("SELECT * FROM __schema__.case_escalation ORDER BY case_id, position"),
        await store.RowsAsync("SELECT * FROM __schema__.case_remedy ORDER BY case_id, remedy_id"),
    ];

    [Fact]
    public async Task GivenStoredCases_WhenAMixedBatchIsFolded_ThenRowsEqualEventByEventProjection()
    {
        var before = Recorded(Before());
        var all = Recorded([.. Before(), .. Batch()]);
        var batch = all.Skip(before.Count).ToList();
        Assert.True(batch.Count > CaseViewProjection.FoldAbove, "the batch must take the folding path");
        var eventByEvent = await ReadModelStore.CreateAsync(database);
        var folded = await ReadModelStore.CreateAsync(database);
        var onLiveTables = await ReadModelStore.CreateAsync(database);

        await ApplyAsync(eventByEvent, all, batchSize: 1);
        await ApplyAsync(onLiveTables, all, batchSize: all.Count, soleWriter: false);
        await ApplyAsync(folded, before, batchSize: 1);
        await ApplyAsync(folded, batch, batchSize: batch.Count);

        var expected = await RowsAsync(eventByEvent);
        var actual = await RowsAsync(folded);
        var unfolded = await RowsAsync(onLiveTables);
        Assert.Equal(7, expected[0].Count);
        Assert.Equal(2, expected[1].Count);
        Assert.Equal(3, expected[2].Count);
        for (var table = 0; table < expected.Length; table++)
        {
            Assert.Equal(expected[table].Count, actual[table].Count);
            Assert.Equal(expected[table].Count, unfolded[table].Count);
            for (var row = 0; row < expected[table].Count; row++)
            {
                Assert.Equal(expected[table][row], actual[table][row]);
                Assert.Equal(expected[table][row], unfolded[table][row]);
            }
        }
    }

    [Fact]
    public async Task GivenAMixedBatch_WhenErasedWithinIt_ThenFoldedRowsKeepTheFiguresAndEraseOnlyEarlierSubjects()
    {
        var all = Recorded([.. Before(), .. Batch()]);
        var store = await ReadModelStore.CreateAsync(database);

        await ApplyAsync(store, all, batchSize: all.Count);

        var rows = (await store.RowsAsync("SELECT * FROM __schema__.case_view")).ToDictionary(r => (Guid)r["case_id"]!);
        Assert.Equal("erased", rows[Stored]["subject"]);
        Assert.Equal("erased", rows[Untouched]["subject"]);
        Assert.Equal("erased", rows[ContactedFirst]["subject"]);
        Assert.Equal($"Subject of {OpenedAfterErasure:N}", rows[OpenedAfterErasure]["subject"]);
        Assert.Equal($"Subject of {BobsCase:N}", rows[BobsCase]["subject"]);
        Assert.Equal((2, 2, 15.5050m, 10.0050m, "Closed", 1, "Breached"),
            ((int)rows[Stored]["escalations"]!, (int)rows[Stored]["remedies"]!, (decimal)rows[Stored]["remedy_total"]!, (decimal)rows[Stored]["refund_total"]!,
             (string)rows[Stored]["status"]!, (int)rows[Stored]["contacts"]!, (string)rows[Stored]["first_response_sla"]!));
        Assert.Equal(("Open", 1, "tier one"), ((string)rows[ContactedFirst]["status"]!, (int)rows[ContactedFirst]["contacts"]!, (string)rows[ContactedFirst]["assignee_team"]!));
        Assert.Null(rows[OpenedAndClosed]["assignee_team"]);
        Assert.Null(rows[NeverOpened]["status"]);
    }
}
