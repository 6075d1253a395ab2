using Crm.Domain.Cases;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Policies;
using Crm.Tests.Infrastructure;

namespace Crm.Tests.Projections;

/// <summary>Erasing a customer blanks their personal data in every read model, and what follows stays blank.</summary>
public sealed class ErasureTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly Actor Agent = new(Guid.Parse("0195a1b0-0000-7000-8000-0000000000a1"), "Agent", ActorRole.Agent);
    private static readonly Actor Supervisor = new(Guid.Parse("0195a1b0-0000-7000-8000-0000000000a2"), "Supervisor", ActorRole.Supervisor);
    private static readonly Guid Customer = Guid.Parse("0195a1b0-0000-7000-8000-0000000000c1");
    private static readonly Guid Other = Guid.Parse("0195a1b0-0000-7000-8000-0000000000c2");
    private static readonly Guid Case = Guid.Parse("0195a1b0-0000-7000-8000-0000000000ca");
    private static readonly DateTimeOffset Start = new(2025, 5, 5, 9, 0, 0, TimeSpan.Zero);

    private static EventScript Write()
    {
        var s = new EventScript();
        s.Run(new RegisterCustomer(Customer, "Eve Example", ["eve@example.com"], ["+33 1 23 45 67 89"],
            new PostalAddress("2 Rue de la Paix", null, "75002", "Paris", null, "FR"), "fr", Segment.Vip, Channel.Chat, Agent, Start));
        s.Run(new RegisterCustomer(Other, "Eve Other", ["other@example.com"], [], null, "fr", Segment.Consumer, Channel.Chat, Agent, Start));
        s.Run(new OpenCase(Case, Customer, CaseKind.TechnicalIssue, CaseCategory.AccountAccess, Priority.Low, Channel.Chat,
            "Cannot log in as eve@example.com", "Password reset mail never arrives.", "EUR", SlaPolicy.Default, Agent, Start.AddMinutes(10)));
        s.Run(new LogInteraction(Customer, Guid.CreateVersion7(), Channel.Chat, Direction.Inbound, "web", Agent.Id, "Login",
            "Eve cannot log in from her flat in Paris.", Start.AddMinutes(5), 120, 0, 20, Case, Agent, Start.AddMinutes(12)));
        s.Run(new EraseCustomerData(Customer, "Request under the right to erasure", Supervisor, Start.AddDays(1)));
        // The case stream does not know of the erasure; what it records afterwards must not show personal data either.
        s.Run(new AddCaseNote(Case, "Closed the account of Eve Example.", NoteVisibility.Internal, Agent, Start.AddDays(1).AddMinutes(1)));
        return s;
    }

    [Fact]
    public async Task Erasure_BlanksProfileTimelineAndCaseSubject_AndKeepsTheStatistics()
    {
        var store = await ReadModelStore.CreateAsync(database);

        await store.ProjectAsync(Write().Events, batchSize: 1);

        var profile = await store.Queries.ProfileAsync(Customer, Start.AddDays(2));
        Assert.NotNull(profile);
        Assert.Equal((CustomerStatus.Erased, "erased", Start.AddDays(1)), (profile.Status, profile.Name, profile.ErasedAt));
        Assert.Empty(profile.Emails);
        Assert.Empty(profile.Phones);
        Assert.Null(profile.Address);
        Assert.Equal((Segment.Vip, 1, 1), (profile.Segment, profile.Stats.ContactsTotal, profile.Stats.OpenCases));

        var timeline = await store.Queries.TimelineAsync(Customer);
        Assert.Equal(6 - 1, timeline.Edges.Count); // the other customer's registration is not hers
        Assert.All(timeline.Nodes, e => Assert.Equal("erased", e.Summary));
        Assert.Equal(
            ["Internal note added", "Personal data erased", "Chat contact (inbound): Login", "Technical issue opened: Account access (Low)", "Customer registered"],
            timeline.Nodes.Select(e => e.Title));

        var details = await store.Queries.CaseAsync(Case);
        Assert.Equal("erased", details!.Case.Subject);

        var other = await store.Queries.ProfileAsync(Other, Start);
        Assert.Equal("Eve Other", other!.Name);
        Assert.Equal("Eve Other", Assert.Single(await store.Queries.SearchCustomersAsync("eve")).Name);
        Assert.NotEqual("erased", Assert.Single((await store.Queries.TimelineAsync(Other)).Nodes).Summary);
    }

    [Fact]
    public async Task Erasure_RebuildsToTheSameRowsInAnyBatchSize()
    {
        var events = Write().Events;
        var whole = await ReadModelStore.CreateAsync(database);
        var single = await ReadModelStore.CreateAsync(database);

        await whole.ProjectAsync(events);
        await single.ProjectAsync(events, batchSize: 1);

        var expected = await whole.ChecksumsAsync();
        var actual = await single.ChecksumsAsync();
        Assert.Equal(expected.Values.Select(s => (s.Table, s.Rows, s.Md5)), actual.Values.Select(s => (s.Table, s.Rows, s.Md5)));
    }
}
