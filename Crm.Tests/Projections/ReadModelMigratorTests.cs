using Crm.Projections;
using Crm.Tests.Infrastructure;
using Npgsql;

namespace Crm.Tests.Projections;

public sealed class ReadModelMigratorTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly string[] Tables =
    [
        "agent_case", "agent_daily", "case_customer", "case_escalation", "case_remedy", "case_view", "customer_complaint", "customer_product",
        "customer_profile", "customer_refund_total", "customer_timeline", "schema_version", "trend_case", "trend_daily", "trend_refund_daily",
    ];

    [Fact]
    public async Task Migrate_CreatesEveryTableInTheConfiguredSchema()
    {
        var schema = ReadModelSchema.Named("crm_read_tables");

        var applied = await new ReadModelMigrator(database.DataSource, schema).MigrateAsync();

        Assert.Equal([1], applied);
        Assert.Equal(Tables, await TablesAsync("crm_read_tables"));
        Assert.Empty(await TablesAsync(ReadModelSchema.Default.Name));
    }

    [Fact]
    public async Task Migrate_Twice_AppliesNothingTheSecondTime()
    {
        var migrator = new ReadModelMigrator(database.DataSource, ReadModelSchema.Named("crm_read_twice"));
        await migrator.MigrateAsync();

        var again = await migrator.MigrateAsync();

        Assert.Empty(again);
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM crm_read_twice.schema_version"));
    }

    [Fact]
    public async Task Migrate_FromSeveralProcessesAtOnce_AppliesEachScriptOnce()
    {
        var schema = ReadModelSchema.Named("crm_read_race");

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => new ReadModelMigrator(database.DataSource, schema).MigrateAsync())));

        Assert.Equal(1, results.Sum(r => r.Count));
        Assert.Equal(Tables, await TablesAsync("crm_read_race"));
    }

    [Fact]
    public async Task Migrate_AfterAnAppliedScriptChanged_RefusesAndChangesNothing()
    {
        var migrator = new ReadModelMigrator(database.DataSource, ReadModelSchema.Named("crm_read_edited"));
        await migrator.MigrateAsync();
        await ExecuteAsync("UPDATE crm_read_edited.schema_version SET checksum = 'edited' WHERE version = 1");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => migrator.MigrateAsync());

        Assert.Contains("changed after it was applied", error.Message, StringComparison.Ordinal);
        Assert.Equal("edited", await ScalarAsync<string>("SELECT checksum FROM crm_read_edited.schema_version WHERE version = 1"));
    }

    [Fact]
    public async Task Migrate_ASchemaMigratedByANewerBuild_Refuses()
    {
        var migrator = new ReadModelMigrator(database.DataSource, ReadModelSchema.Named("crm_read_newer"));
        await migrator.MigrateAsync();
        await ExecuteAsync("INSERT INTO crm_read_newer.schema_version (version, name, checksum) VALUES (9999, '9999_future', 'x')");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => migrator.MigrateAsync());

        Assert.Contains("9999", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Crm")]
    [InlineData("crm-read")]
    [InlineData("1crm")]
    [InlineData("crm; DROP TABLE x")]
    [InlineData("pg_crm")]
    public void Named_RefusesNamesThatAreNotPlainLowerCaseIdentifiers(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => ReadModelSchema.Named(name));

        Assert.Contains("schema", error.Message, StringComparison.Ordinal);
    }

    private async Task<List<string>> TablesAsync(string schema)
    {
        await using var command = database.DataSource.CreateCommand("SELECT table_name::text FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name::text COLLATE \"C\"");
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }
        return tables;
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
