using Crm.Domain.Cases;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Policies;
using Crm.Tests.Infrastructure;

namespace Crm.Tests.Projections;

/// <summary>FCR follows the case's contacts and reopenings after the resolution, on the day of the first resolution.</summary>
public sealed class FirstContactResolutionTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly Actor Agent = new(Guid.Parse("0195a1b0-0000-7000-8000-0000000000a1"), "Agent", ActorRole.Agent);
    private static readonly Guid Customer = Guid.Parse("0195a1b0-0000-7000-8000-0000000000c1");
    private static readonly Guid OneContact = Guid.Parse("0195a1b0-0000-7000-8000-0000000000a0");
    private static readonly Guid SecondContactLater = Guid.Parse("0195a1b0-0000-7000-8000-0000000000b0");
    private static readonly Guid TwoContacts = Guid.Parse("0195a1b0-0000-7000-8000-0000000000c0");
    private static readonly Guid ContactLoggedAfterResolution = Guid.Parse("0195a1b0-0000-7000-8000-0000000000d0");
    private static readonly DateOnly Day = new(2025, 7, 1);
    private static readonly DateTimeOffset Start = new(Day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

    private static EventScript Write()
    {
        var s = new EventScript();
        s.Run(new RegisterCustomer(Customer, "Fay Count", ["fay@example.com"], [], null, "en", Segment.Consumer, Channel.Phone, Agent, Start));
        var minute = 1;
        DateTimeOffset Next() => Start.AddMinutes(minute++);
        void Open(Guid id) => s.Run(new OpenCase(id, Customer, CaseKind.Inquiry, CaseCategory.Billing, Priority.Normal, Channel.Phone,
            "Invoice question", "Asks about an invoice line.", "EUR", SlaPolicy.Default, Agent, Next()));
        void Contact(Guid id)
        {
            var at = Next();
            s.Run(new LogInteraction(Customer, Guid.CreateVersion7(), Channel.Phone, Direction.Inbound, "billing", Agent.Id, "Invoice",
                "Invoice question.", at, 60, 0, 0, id, Agent, at));
        }
        void Resolve(Guid id) => s.Run(new ResolveCase(id, "Explained", RootCause.NoFault, Agent, Next()));

        Open(OneContact);
        Contact(OneContact);
        Resolve(OneContact);
        Open(SecondContactLater);
        Contact(SecondContactLater);
        Resolve(SecondContactLater);
        Open(TwoContacts);
        Contact(TwoContacts);
        Contact(TwoContacts);
        Resolve(TwoContacts);
        Open(ContactLoggedAfterResolution);
        Resolve(ContactLoggedAfterResolution);
        // The next day: one case gets a second contact, another its only one.
        minute = 24 * 60;
        Contact(SecondContactLater);
        Contact(ContactLoggedAfterResolution);
        return s;
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(1)]
    [InlineData(4)]
    public async Task Fcr_CountsCasesWithExactlyOneContact_AsTheyStandNow(int batchSize)
    {
        var store = await ReadModelStore.CreateAsync(database);

        await store.ProjectAsync(Write().Events, batchSize);

        async Task<bool> Fcr(Guid id) => (await store.Queries.CaseAsync(id))!.Case.Fcr;
        Assert.True(await Fcr(OneContact));
        Assert.False(await Fcr(SecondContactLater));
        Assert.False(await Fcr(TwoContacts));
        Assert.True(await Fcr(ContactLoggedAfterResolution));
        // Four cases resolved on the first day; two of them have exactly one contact now → 2/4, all filed on that day.
        var (counters, kpis) = await store.Queries.KpisAsync(Day, Day);
        Assert.Equal((2L, 4L, 0.5m), (counters.FcrNumerator, counters.FcrDenominator, kpis.Fcr));
        var (nextDay, _) = await store.Queries.KpisAsync(Day.AddDays(1), Day.AddDays(1));
        Assert.Equal((0L, 0L, 2L), (nextDay.FcrNumerator, nextDay.FcrDenominator, nextDay.Contacts));
        var agent = Assert.Single((await store.Queries.AgentPerformanceAsync(Day, Day.AddDays(1))).Nodes);
        Assert.Equal((2L, 4L, 0.5m), (agent.FcrCases, agent.CasesResolved, agent.Fcr));
    }
}
