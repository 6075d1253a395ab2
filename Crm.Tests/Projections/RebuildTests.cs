using Crm.Domain.Cases;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Policies;
using Crm.Projections;
using Crm.Tests.Infrastructure;

namespace Crm.Tests.Projections;

/// <summary>
/// The projections depend only on the events: applying the same log from scratch — in one batch,
/// event by event, or in batches of any size — gives the same rows, table by table.
/// </summary>
public sealed class RebuildTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task RebuildFromScratch_InAnyBatchSize_GivesIdenticalRows()
    {
        var events = CustomerHistory.Write().Events;
        var oneBatch = await ReadModelStore.CreateAsync(database);
        var eventByEvent = await ReadModelStore.CreateAsync(database);
        var batchesOfFive = await ReadModelStore.CreateAsync(database);

        await oneBatch.ProjectAsync(events);
        await eventByEvent.ProjectAsync(events, batchSize: 1);
        await batchesOfFive.ProjectAsync(events, batchSize: 5);

        var expected = await oneBatch.ChecksumsAsync();
        Assert.Equal(15 - 1, expected.Count); // every table but schema_version
        Assert.All(expected.Values, sum => Assert.True(sum.Rows > 0, $"{sum.Table} is empty"));
        Assert.Equal(Strip(expected), Strip(await eventByEvent.ChecksumsAsync()));
        Assert.Equal(Strip(expected), Strip(await batchesOfFive.ChecksumsAsync()));
    }

    [Fact]
    public async Task RebuildTwice_IntoTheSameSchema_GivesIdenticalRows()
    {
        var events = CustomerHistory.Write().Events;
        var store = await ReadModelStore.CreateAsync(database);
        await store.ProjectAsync(events, batchSize: 3);
        var first = await store.ChecksumsAsync();

        await store.ExecuteAsync($"TRUNCATE {string.Join(", ", store.Tables.Select(t => $"__schema__.{t}"))}");
        var emptied = await store.ChecksumsAsync();
        await store.ProjectAsync(events, batchSize: 7);

        Assert.All(emptied.Values, sum => Assert.Equal(0, sum.Rows));
        Assert.Equal(first, await store.ChecksumsAsync());
    }

    [Fact]
    public async Task AlteredRow_ChangesTheChecksum_AndIsReportedAsTheFirstDifference()
    {
        var events = CustomerHistory.Write().Events;
        var live = await ReadModelStore.CreateAsync(database);
        var rebuilt = await ReadModelStore.CreateAsync(database);
        await live.ProjectAsync(events);
        await rebuilt.ProjectAsync(events, batchSize: 2);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Null(await TableChecksums.FirstDifferenceAsync(connection, live.Schema.Name, rebuilt.Schema.Name, "trend_daily"));

        await rebuilt.ExecuteAsync("UPDATE __schema__.trend_daily SET contacts = contacts + 1 WHERE dimension = 'queue' AND day = '2025-03-04'");
        await rebuilt.ExecuteAsync("DELETE FROM __schema__.customer_timeline WHERE position = 7");

        var before = await live.ChecksumsAsync();
        var after = await rebuilt.ChecksumsAsync();
        Assert.NotEqual(before["trend_daily"].Md5, after["trend_daily"].Md5);
        Assert.Equal(before["trend_daily"].Rows, after["trend_daily"].Rows);
        Assert.Equal(before["customer_timeline"].Rows - 1, after["customer_timeline"].Rows);
        Assert.Equal(before["case_view"], after["case_view"] with { Schema = live.Schema.Name });

        var changed = await TableChecksums.FirstDifferenceAsync(connection, live.Schema.Name, rebuilt.Schema.Name, "trend_daily");
        Assert.NotNull(changed);
        Assert.Equal("dimension=queue, day=2025-03-04, value=support", changed.Key);
        Assert.Contains("(queue,2025-03-04,support,1,", changed.Left, StringComparison.Ordinal);
        Assert.Contains("(queue,2025-03-04,support,2,", changed.Right, StringComparison.Ordinal);
        var missing = await TableChecksums.FirstDifferenceAsync(connection, live.Schema.Name, rebuilt.Schema.Name, "customer_timeline");
        Assert.NotNull(missing);
        Assert.Equal("position=7", missing.Key);
        Assert.Contains("CaseEscalated", missing.Left, StringComparison.Ordinal);
        Assert.Null(missing.Right);
    }

    [Fact]
    public async Task ContactProjectedBeforeItsCase_CountsForTheCase_InAnyBatchSize()
    {
        // The contact and the opening are appended to different streams, so the contact can come
        // first in the log; the case must still count it, and end the same however the log is cut.
        var agent = new Actor(Guid.Parse("0195a1b0-0000-7000-8000-0000000000a1"), "Agent", ActorRole.Agent);
        var (customer, caseId) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var day = new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);
        var s = new EventScript();
        s.Run(new RegisterCustomer(customer, "Ann Early", ["ann@example.com"], [], null, "en", Segment.Consumer, Channel.Email, agent, day));
        s.Run(new LogInteraction(customer, Guid.CreateVersion7(), Channel.Chat, Direction.Inbound, "web", agent.Id, "Question",
            "Asks about delivery times.", day.AddMinutes(1), 60, 0, 10, caseId, agent, day.AddMinutes(2)));
        s.Run(new OpenCase(caseId, customer, CaseKind.Inquiry, CaseCategory.ShippingDelay, Priority.Low, Channel.Chat,
            "Delivery times", "Asks about delivery times.", "EUR", SlaPolicy.Default, agent, day.AddMinutes(3)));
        s.Run(new ResolveCase(caseId, "Explained delivery times", RootCause.NoFault, agent, day.AddMinutes(4)));
        var whole = await ReadModelStore.CreateAsync(database);
        var single = await ReadModelStore.CreateAsync(database);

        await whole.ProjectAsync(s.Events);
        await single.ProjectAsync(s.Events, batchSize: 1);

        var view = (await whole.Queries.CaseAsync(caseId))!.Case;
        Assert.Equal((1, true, CaseStatus.Resolved), (view.Contacts, view.Fcr, view.Status));
        var (counters, kpis) = await whole.Queries.KpisAsync(DateOnly.FromDateTime(day.UtcDateTime), DateOnly.FromDateTime(day.UtcDateTime));
        Assert.Equal((1L, 1L, 1m), (counters.FcrNumerator, counters.FcrDenominator, kpis.Fcr));
        Assert.Equal(Strip(await whole.ChecksumsAsync()), Strip(await single.ChecksumsAsync()));
    }

    [Fact]
    public async Task Checksums_RefuseNamesThatAreNotIdentifiers()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => TableChecksums.ComputeAsync(connection, "public", "x; DROP TABLE y"));
        await Assert.ThrowsAsync<ArgumentException>(() => TableChecksums.FirstDifferenceAsync(connection, "a\"b", "public", "t"));
    }

    private static Dictionary<string, (long, string)> Strip(Dictionary<string, TableChecksum> sums) =>
        sums.ToDictionary(s => s.Key, s => (s.Value.Rows, s.Value.Md5));
}
