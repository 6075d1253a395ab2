using Crm.Api.Hosting;
using Crm.Tests.Infrastructure;
using Npgsql;

namespace Crm.Tests.Api.Hosting;

/// <summary>
/// The service's data sources keep the statements they run again and again prepared, and the one for
/// read-model queries does not reset a connection it reuses, unless the connection string says otherwise.
/// </summary>
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

    [Fact]
    public async Task GivenTheReadDataSource_WhenAConnectionIsReused_ThenItIsNotReset()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 1 }.ConnectionString;
        await using var reads = CrmDatabase.CreateReadDataSource(connectionString);
        await using var writes = CrmDatabase.CreateDataSource(connectionString);

        Assert.Equal("1234ms", await TimeoutAfterReuseAsync(reads));
        Assert.Equal("0", await TimeoutAfterReuseAsync(writes));
    }

    [Fact]
    public async Task GivenTheStoreDataSource_WhenAConnectionIsReused_ThenItIsNotReset()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 1 }.ConnectionString;
        await using var store = CrmDatabase.CreateStoreDataSource(connectionString);

        Assert.Equal("1234ms", await TimeoutAfterReuseAsync(store));
    }

    [Fact]
    public async Task GivenNoResetOnCloseOff_WhenTheReadDataSourceIsMade_ThenConnectionsAreReset()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 1, NoResetOnClose = false }.ConnectionString;
        await using var reads = CrmDatabase.CreateReadDataSource(connectionString + ";No Reset On Close=false");

        Assert.Equal("0", await TimeoutAfterReuseAsync(reads));
    }

    /// <summary>Sets a session setting on a pooled connection, returns it, and reads the setting on the next (the same, with a pool of one).</summary>
    private static async Task<string> TimeoutAfterReuseAsync(NpgsqlDataSource dataSource)
    {
        await using (var first = await dataSource.OpenConnectionAsync())
        {
            await using var set = new NpgsqlCommand("SET statement_timeout = 1234", first);
            await set.ExecuteNonQueryAsync();
        }
        await using var second = await dataSource.OpenConnectionAsync();
        await using var show = new NpgsqlCommand("SHOW statement_timeout", second);
        return (string)(await show.ExecuteScalarAsync())!;
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
