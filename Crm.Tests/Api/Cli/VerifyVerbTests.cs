using Crm.Api.Cli;
using Crm.Tests.Infrastructure;

namespace Crm.Tests.Api.Cli;

public sealed class VerifyVerbTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Verify_PassesOnASeededStore_ThenNamesTheEventChangedBehindItsBack()
    {
        await CliTestKit.SeedAsync(database.ConnectionString, CliTestKit.Options(4, 20));
        var events = await CliTestKit.ScalarAsync(database.ConnectionString, "SELECT count(*) FROM event_store.events");

        var intact = new RecordingConsoles();
        var exit = await VerifyVerb.RunAsync(CliTestKit.Configuration(database.ConnectionString), intact.Consoles, CancellationToken.None);

        Assert.True(exit == 0, intact.Output + intact.Errors);
        Assert.Contains($"OK: {events:N0} events in", intact.Output, StringComparison.Ordinal);
        Assert.Matches(@"digest\s+[0-9a-f]{64}\s", intact.Output);
        // The digest covers the events that are final: on a shared server, transactions of other
        // databases may hold its horizon back, so it can cover fewer than were verified.
        var covered = System.Text.RegularExpressions.Regex.Match(intact.Output, @"events\s+(\d+)\s");
        Assert.True(covered.Success, intact.Output);
        Assert.InRange(long.Parse(covered.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 0, events);

        // Someone renames a customer directly in the database, bypassing the service.
        var position = await CliTestKit.ScalarAsync(database.ConnectionString, "SELECT max(position) FROM event_store.events WHERE type_name = 'customer.registered'");
        await CliTestKit.ExecuteAsync(
            database.ConnectionString,
            $"UPDATE event_store.events SET data = jsonb_set(data, '{{name}}', '\"Someone Else\"') WHERE position = {position}");
        var stream = await StreamAndVersionAsync(position);

        var broken = new RecordingConsoles();
        exit = await VerifyVerb.RunAsync(CliTestKit.Configuration(database.ConnectionString), broken.Consoles, CancellationToken.None);

        Assert.Equal(VerifyVerb.Broken, exit);
        Assert.Contains("BROKEN: 1 of", broken.Output, StringComparison.Ordinal);
        Assert.Contains($"{stream.Id} at version {stream.Version}, position {position}: HashMismatch", broken.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("digest", broken.Output, StringComparison.Ordinal);
        Assert.Contains("1 of", broken.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_OfAnEmptyStore_IsOk()
    {
        var target = await TestPostgres.CreateDatabaseAsync();
        try
        {
            var consoles = new RecordingConsoles();

            var exit = await VerifyVerb.RunAsync(CliTestKit.Configuration(target), consoles.Consoles, CancellationToken.None);

            Assert.True(exit == 0, consoles.Output + consoles.Errors);
            Assert.Contains("OK: 0 events in 0 streams", consoles.Output, StringComparison.Ordinal);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(target);
        }
    }

    private async Task<(string Id, long Version)> StreamAndVersionAsync(long position)
    {
        await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand($"SELECT stream_id, version FROM event_store.events WHERE position = {position}", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetString(0), reader.GetInt64(1));
    }
}
