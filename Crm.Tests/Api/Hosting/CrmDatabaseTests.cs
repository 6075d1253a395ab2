using Crm.Api.Hosting;
using Crm.Tests.Infrastructure;
using Npgsql;

namespace Crm.Tests.Api.Hosting;

/// <summary>The service's data source keeps the statements it runs again and again prepared, unless told not to.</summary>
public sealed class CrmDatabaseTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const string Statement = "SELECT count(*) FROM pg_class WHERE relkind::text = $1";

    [Fact]
    public async Task GivenNoSetting_WhenAStatementRunsRepeatedly_ThenTheServerHoldsItPrepared()
    {
        await using var dataSource = CrmDatabase.CreateDataSource(database.ConnectionString);

        var prepared = await PreparedAfterRepeatingAsync(dataSource);

        Assert.Contains(prepared, text => text.Contains("pg_class", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GivenMaxAutoPrepareZero_WhenAStatementRunsRepeatedly_ThenNothingIsPrepared()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxAutoPrepare = 0 }.ConnectionString;
        await using var dataSource = CrmDatabase.CreateDataSource(connectionString);

        var prepared = await PreparedAfterRepeatingAsync(dataSource);

        Assert.Empty(prepared);
    }

    [Fact]
    public async Task GivenAnOperatorsValue_WhenTheDataSourceIsMade_ThenItIsKept()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxAutoPrepare = 7 }.ConnectionString;
        await using var dataSource = CrmDatabase.CreateDataSource(connectionString);

        Assert.Equal(7, new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).MaxAutoPrepare);
    }

    /// <summary>Runs the statement ten times on one connection; the texts of the statements the server then holds prepared for it.</summary>
    private static async Task<List<string>> PreparedAfterRepeatingAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        for (var i = 0; i < 10; i++)
        {
            await using var command = new NpgsqlCommand(Statement, connection);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "r" });
            Assert.True((long)(await command.ExecuteScalarAsync())! > 0);
        }
        var texts = new List<string>();
        await using var list = new NpgsqlCommand("SELECT statement FROM pg_prepared_statements", connection);
        await using var reader = await list.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            texts.Add(reader.GetString(0));
        }
        return texts;
    }
}
