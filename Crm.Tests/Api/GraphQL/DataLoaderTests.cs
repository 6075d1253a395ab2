using System.Collections.Concurrent;
using System.Diagnostics;
using Crm.Api.Auth;
using Crm.Tests.Infrastructure;
using Npgsql;

namespace Crm.Tests.Api.GraphQL;

/// <summary>Nested objects are loaded in batches: the number of SQL statements does not grow with the page size.</summary>
public sealed class DataLoaderTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string TimelineWithCases = """
        query($id: ID!, $first: Int!) { customer(id: $id) { name stats { contacts }
          timeline(first: $first) { edges { node { kind at actor { name } case { id subject status kind customer { name } } } } } } }
        """;

    [Fact]
    public async Task ATimelinePageOf50EntriesWithTheirCases_TakesAsManyQueriesAsAPageOf5()
    {
        using var scenario = new Scenario(host.Api);
        var customerId = await scenario.CustomerAsync("Lou Loader");
        for (var i = 0; i < 13; i++)
        {
            var caseId = await scenario.CaseAsync(customerId);
            await scenario.Agent.MutateAsync("addCaseNote", new { caseId, text = $"Note {i}" }, "case { id }");
            await scenario.Agent.MutateAsync("logInteraction", new { customerId, caseId, channel = "CHAT", direction = "INBOUND", topic = "Follow-up", summary = "Asked again." }, "interactionId");
            await scenario.Agent.MutateAsync("resolveCase", new { caseId, resolution = "Answered.", rootCause = "NO_FAULT" }, "case { id }");
        }
        using var reader = host.Api.ClientFor(ActorRoles.Service);

        var (small, smallQueries) = await CountQueriesAsync(() => reader.DataAsync(TimelineWithCases, new { id = customerId, first = 5 }));
        var (large, largeQueries) = await CountQueriesAsync(() => reader.DataAsync(TimelineWithCases, new { id = customerId, first = 50 }));

        var entries = large.GetProperty("customer").GetProperty("timeline").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList();
        Assert.Equal(50, entries.Count);
        Assert.True(entries.Count(e => e.GetProperty("case").ValueKind == System.Text.Json.JsonValueKind.Object) >= 45);
        Assert.Equal(5, small.GetProperty("customer").GetProperty("timeline").GetProperty("edges").GetArrayLength());
        Assert.Equal(smallQueries, largeQueries);
        Assert.InRange(largeQueries, 1, 4);
    }

    [Fact]
    public async Task APageOfCasesWithTheirCustomersAndRemedies_TakesAConstantNumberOfQueries()
    {
        using var scenario = new Scenario(host.Api);
        for (var i = 0; i < 6; i++)
        {
            var caseId = await scenario.CaseAsync(await scenario.CustomerAsync($"Cara Case{i}"));
            await scenario.Agent.MutateAsync("issueRefund", new { caseId, amount = new { amount = 5m }, reason = "Goodwill." }, "case { id }");
        }
        const string Cases = "query($first: Int!) { cases(first: $first) { nodes { subject customer { name stats { contacts } } remedies { value { amount } } escalations { reason } } } }";
        using var reader = host.Api.ClientFor(ActorRoles.Auditor);

        var (_, two) = await StatementsAsync(() => reader.DataAsync(Cases, new { first = 2 }));
        var (six, all) = await StatementsAsync(() => reader.DataAsync(Cases, new { first = 6 }));

        Assert.Equal(6, six.GetProperty("cases").GetProperty("nodes").GetArrayLength());
        Assert.True(two.Count == all.Count, $"2 cases:\n{string.Join("\n", two)}\n6 cases:\n{string.Join("\n", all)}");
    }

    /// <summary>Runs a request and counts the SQL commands this test class's database received meanwhile.</summary>
    private async Task<(T Result, int Queries)> CountQueriesAsync<T>(Func<Task<T>> request)
    {
        var (result, statements) = await StatementsAsync(request);
        return (result, statements.Count);
    }

    /// <summary>
    /// Runs a request and lists the SQL commands it sent to this test class's database (Npgsql's
    /// trace activities under the request's ASP.NET Core activity, so the projection daemon's own
    /// background work is not counted).
    /// </summary>
    private async Task<(T Result, IReadOnlyList<string> Statements)> StatementsAsync<T>(Func<Task<T>> request)
    {
        var database = new NpgsqlConnectionStringBuilder(host.ConnectionString).Database;
        var seen = new ConcurrentQueue<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                // Commands carry their text; opening a physical connection is traced too, but is no query.
                if (activity.Source.Name == "Npgsql"
                    && activity.GetTagItem("db.namespace") as string == database
                    && activity.GetTagItem("db.query.text") is string text
                    && InsideARequest(activity))
                {
                    seen.Enqueue(text);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        var result = await request();
        return (result, [.. seen]);
    }

    private static bool InsideARequest(Activity activity)
    {
        for (var parent = activity.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent.Source.Name == "Microsoft.AspNetCore")
            {
                return true;
            }
        }
        return false;
    }
}
