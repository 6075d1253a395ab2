using Crm.Api.Cli;
using Crm.Projections;
using Npgsql;

namespace Crm.Tests.Api.Cli;

public sealed class RebuildVerbTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task RebuildAll_EndsWithTablesEqualToTheLiveOnes()
    {
        var before = await ChecksumsAsync();
        var consoles = new RecordingConsoles();

        var exit = await RebuildVerb.RunAsync(CliTestKit.Configuration(database.ConnectionString), null, consoles.Consoles, CancellationToken.None);

        Assert.True(exit == 0, consoles.Output + consoles.Errors);
        Assert.Contains("OK: the rebuilt tables hold exactly the rows the live tables held", consoles.Output, StringComparison.Ordinal);
        foreach (var name in new[] { "crm.customer_timeline", "crm.customer_profile", "crm.case_view", "crm.trend_daily", "crm.agent_daily" })
        {
            Assert.Contains(name, consoles.Output, StringComparison.Ordinal);
        }
        Assert.Matches(@"case_view\s*│\s*[\d,]+\s*│\s*[\d,]+\s*│\s*[0-9a-f]{12}…\s*│\s*equal", consoles.Output);
        Assert.DoesNotContain("differs", consoles.Output, StringComparison.Ordinal);
        var after = await ChecksumsAsync();
        Assert.Equal(before, after);
        Assert.True(before["case_view"].Rows > 0);
    }

    [Fact]
    public async Task RebuildOne_RepairsARowChangedBehindItsBack_AndSaysItDiffered()
    {
        Assert.True(await CliTestKit.ScalarAsync(database.ConnectionString, "SELECT count(*) FROM crm_read.case_view") > 0);
        var original = await SubjectsAsync();
        await CliTestKit.ExecuteAsync(
            database.ConnectionString,
            "UPDATE crm_read.case_view SET subject = 'edited by hand' WHERE case_id = (SELECT case_id FROM crm_read.case_view ORDER BY case_id LIMIT 1)");
        var consoles = new RecordingConsoles();

        var exit = await RebuildVerb.RunAsync(CliTestKit.Configuration(database.ConnectionString), "case_view", consoles.Consoles, CancellationToken.None);

        Assert.Equal(RebuildVerb.Differed, exit);
        Assert.Matches(@"  case_view\s*│.*│\s*differs", consoles.Output);
        Assert.Matches(@"  case_escalation\s*│.*│\s*equal", consoles.Output);
        Assert.DoesNotContain("crm.customer_timeline", consoles.Output, StringComparison.Ordinal);
        Assert.Contains("differed from the live tables they replaced", consoles.Errors, StringComparison.Ordinal);
        Assert.Equal(original, await SubjectsAsync());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public async Task RebuildAll_OneAtATimeOrAllAtOnce_EndsWithTablesEqualToTheLiveOnes(int parallel)
    {
        var before = await ChecksumsAsync();
        var consoles = new RecordingConsoles();

        var exit = await RebuildVerb.RunAsync(CliTestKit.Configuration(database.ConnectionString), null, consoles.Consoles, CancellationToken.None, parallel);

        Assert.True(exit == 0, consoles.Output + consoles.Errors);
        Assert.Matches(@"  customer_timeline\s*│.*│\s*equal", consoles.Output);
        Assert.Matches(@"  trend_daily\s*│.*│\s*equal", consoles.Output);
        Assert.DoesNotContain("differs", consoles.Output, StringComparison.Ordinal);
        Assert.Equal(before, await ChecksumsAsync());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    public async Task ParallelOutOfRange_IsRefused_NamingTheOption_AndRebuildsNothing(int parallel)
    {
        var consoles = new RecordingConsoles();

        var exit = await RebuildVerb.RunAsync(CliTestKit.Configuration(database.ConnectionString), null, consoles.Consoles, CancellationToken.None, parallel);

        Assert.Equal(CliErrors.Failed, exit);
        Assert.Contains($"--parallel must be from 1 to 8; {parallel} is not.", consoles.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Rebuilding", consoles.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownReadModel_IsRefused_NamingTheReadModels()
    {
        var consoles = new RecordingConsoles();

        var exit = await RebuildVerb.RunAsync(CliTestKit.Configuration(database.ConnectionString), "case_views", consoles.Consoles, CancellationToken.None);

        Assert.Equal(CliErrors.Failed, exit);
        Assert.Contains("There is no read model 'case_views'. Read models: crm.customer_timeline, crm.customer_profile, crm.case_view, crm.trend_daily, crm.agent_daily.", consoles.Errors, StringComparison.Ordinal);
    }

    private async Task<Dictionary<string, TableChecksum>> ChecksumsAsync()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var command = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'crm_read' ORDER BY tablename", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var sums = await TableChecksums.ComputeAsync(connection, "crm_read", tables);
        return sums.ToDictionary(s => s.Table, StringComparer.Ordinal);
    }

    private async Task<List<string>> SubjectsAsync()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT case_id::text || ' ' || coalesce(subject, '') FROM crm_read.case_view ORDER BY case_id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var subjects = new List<string>();
        while (await reader.ReadAsync())
        {
            subjects.Add(reader.GetString(0));
        }
        return subjects;
    }
}
