using Crm.Domain.Cases;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Policies;
using Crm.Projections;
using Crm.Tests.Infrastructure;
using static Crm.Tests.Projections.CustomerHistory;

namespace Crm.Tests.Projections;

/// <summary>Keyset pages and filters of the timeline and case lists.</summary>
public sealed class PaginationTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private static readonly Guid Bob = Guid.Parse("0195a1b0-0000-7000-8000-0000000b0b01");
    private static readonly Guid C3 = Guid.Parse("0195a1b0-0000-7000-8000-0000000ca5e3");
    private static readonly Guid NeverOpened = Guid.Parse("0195a1b0-0000-7000-8000-0000000ca5e4");
    private ReadModelStore _store = null!;

    public async Task InitializeAsync()
    {
        var s = Write();
        s.Run(new RegisterCustomer(Bob, "Bob Brown", ["bob@example.com"], [], null, "en", Segment.Business, Channel.Email, Sam, Tue(10, 0)));
        s.Run(new OpenCase(C3, Bob, CaseKind.TechnicalIssue, CaseCategory.TechnicalFault, Priority.Urgent, Channel.Email,
            "Router keeps rebooting", "Since the update.", "USD", SlaPolicy.Default, Sam, Tue(11, 0)));
        // A contact that names a case which was never opened makes no case.
        s.Run(new LogInteraction(Bob, Guid.CreateVersion7(), Channel.Email, Direction.Inbound, null, Sam.Id, "Other",
            "Mentions a case number nobody knows.", Tue(11, 5), 0, 0, 10, NeverOpened, Sam, Tue(11, 6)));
        _store = await ReadModelStore.CreateAsync(database);
        await _store.ProjectAsync(s.Events);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Timeline_PagesOfFive_ConcatenateToTheWholeTimeline()
    {
        var whole = await _store.Queries.TimelineAsync(Jane, first: 100);
        var pages = new List<Page<TimelineEntry>>();
        string? after = null;
        do
        {
            pages.Add(await _store.Queries.TimelineAsync(Jane, first: 5, after: after));
            after = pages[^1].EndCursor;
        }
        while (pages[^1].HasNextPage);

        Assert.Equal([5, 5, 5, 5, 2], pages.Select(p => p.Edges.Count));
        Assert.Equal(whole.Nodes, pages.SelectMany(p => p.Nodes));
        Assert.Equal(Enumerable.Range(1, 22).Reverse().Select(p => (long)p), whole.Nodes.Select(e => e.Position));
    }

    [Fact]
    public async Task Timeline_FiltersByKindAndTime()
    {
        var contacts = await _store.Queries.TimelineAsync(Jane, new TimelineFilter { Kinds = ["InteractionLogged"] });
        var surveysAndReopenings = await _store.Queries.TimelineAsync(Jane, new TimelineFilter { Kinds = ["SatisfactionRecorded", "CaseReopened"] });
        var tuesdayMorning = await _store.Queries.TimelineAsync(Jane, new TimelineFilter { From = Tue(0, 0), Before = Tue(9, 30) });
        var firstOfTuesdayMorning = await _store.Queries.TimelineAsync(Jane, new TimelineFilter { From = Tue(0, 0), Before = Tue(9, 30) }, first: 2);
        var restOfTuesdayMorning = await _store.Queries.TimelineAsync(
            Jane, new TimelineFilter { From = Tue(0, 0), Before = Tue(9, 30) }, first: 2, after: firstOfTuesdayMorning.EndCursor);

        Assert.Equal([19L, 14, 8, 5], contacts.Nodes.Select(e => e.Position));
        Assert.Equal([22L, 21, 18], surveysAndReopenings.Nodes.Select(e => e.Position));
        // Tue 08:00 (16), 08:10 (17), 09:00 (18), 09:08 (19); 09:30 is not before 09:30.
        Assert.Equal([19L, 18, 17, 16], tuesdayMorning.Nodes.Select(e => e.Position));
        Assert.Equal([19L, 18], firstOfTuesdayMorning.Nodes.Select(e => e.Position));
        Assert.True(firstOfTuesdayMorning.HasNextPage);
        Assert.Equal([17L, 16], restOfTuesdayMorning.Nodes.Select(e => e.Position));
        Assert.False(restOfTuesdayMorning.HasNextPage);
        Assert.Empty((await _store.Queries.TimelineAsync(Guid.NewGuid())).Edges);
    }

    [Fact]
    public async Task Timeline_BadInput_IsRefused()
    {
        var cases = await _store.Queries.CasesAsync(first: 1);

        await Assert.ThrowsAsync<ArgumentException>(() => _store.Queries.TimelineAsync(Jane, after: "not a cursor"));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.Queries.TimelineAsync(Jane, after: cases.EndCursor));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.Queries.TimelineAsync(Jane, new TimelineFilter { Kinds = [] }));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.Queries.TimelineAsync(Jane, new TimelineFilter { From = Tue(0, 0), Before = Mon(0, 0) }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _store.Queries.TimelineAsync(Jane, first: 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _store.Queries.TimelineAsync(Jane, first: 501));
    }

    [Fact]
    public async Task Cases_AreListedNewestFirst_WithEveryFilter()
    {
        async Task<Guid[]> Ids(CaseFilter filter) => [.. (await _store.Queries.CasesAsync(filter)).Nodes.Select(c => c.Id)];

        Assert.Equal([C3, C2, C1], await Ids(CaseFilter.None));
        Assert.Equal([C2, C1], await Ids(new CaseFilter { CustomerId = Jane }));
        Assert.Equal([C3], await Ids(new CaseFilter { Status = CaseStatus.Open }));
        Assert.Equal([C2, C1], await Ids(new CaseFilter { Status = CaseStatus.Resolved }));
        Assert.Equal([C1], await Ids(new CaseFilter { Kind = CaseKind.Complaint }));
        Assert.Equal([C2], await Ids(new CaseFilter { Category = CaseCategory.Warranty }));
        Assert.Equal([C1], await Ids(new CaseFilter { AssigneeAgentId = Alice.Id }));
        Assert.Equal([C2], await Ids(new CaseFilter { OpenedFrom = Mon(12, 0), OpenedBefore = Tue(0, 0) }));
        Assert.Equal([C2], await Ids(new CaseFilter { CustomerId = Jane, Kind = CaseKind.Inquiry, Status = CaseStatus.Resolved }));
        Assert.Empty(await Ids(new CaseFilter { CustomerId = Bob, Kind = CaseKind.Complaint }));
    }

    [Fact]
    public async Task Cases_PageByPage_AndAContactWithoutACase_MakesNoCase()
    {
        var first = await _store.Queries.CasesAsync(first: 2);
        var second = await _store.Queries.CasesAsync(first: 2, after: first.EndCursor);

        Assert.Equal([C3, C2], first.Nodes.Select(c => c.Id));
        Assert.True(first.HasNextPage);
        Assert.Equal([C1], second.Nodes.Select(c => c.Id));
        Assert.False(second.HasNextPage);
        Assert.Null(await _store.Queries.CaseAsync(NeverOpened));
        Assert.Null(await _store.Queries.CaseAsync(Guid.NewGuid()));
        Assert.Null(await _store.Queries.ProfileAsync(Guid.NewGuid(), Tue(12, 0)));
    }

    [Fact]
    public async Task AgentPerformance_PagesByAgent()
    {
        var first = await _store.Queries.AgentPerformanceAsync(Monday, Tuesday, first: 1);
        var second = await _store.Queries.AgentPerformanceAsync(Monday, Tuesday, first: 1, after: first.EndCursor);

        // Sam, who opened C3 and handled Bob's contact, then Alice: agents are ordered by id, and Sam's sorts first.
        var sam = Assert.Single(first.Nodes);
        Assert.Equal((Sam.Id, 1L, 0L, null, 0L), (sam.AgentId, sam.Contacts, sam.HandledContacts, sam.AverageHandleTimeSeconds, sam.CasesResolved));
        Assert.True(first.HasNextPage);
        Assert.Equal([Alice.Id], second.Nodes.Select(a => a.AgentId));
        Assert.False(second.HasNextPage);
    }
}
