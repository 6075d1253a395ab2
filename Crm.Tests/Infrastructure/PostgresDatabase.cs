using Npgsql;

namespace Crm.Tests.Infrastructure;

/// <summary>
/// A database of its own for one test class (use as <c>IClassFixture&lt;PostgresDatabase&gt;</c>),
/// so classes run in parallel and leave nothing behind.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    private NpgsqlDataSource? _dataSource;

    public string ConnectionString { get; private set; } = "";

    public NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("The database is not created yet.");

    public async Task InitializeAsync()
    {
        ConnectionString = await TestPostgres.CreateDatabaseAsync();
        _dataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
        await TestPostgres.DropDatabaseAsync(ConnectionString);
    }
}
