namespace Crm.Tests.Infrastructure;

/// <summary>A class fixture: a database of its own and the real host on it.</summary>
public sealed class ApiHost : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();
    private ApiFactory? _api;

    public ApiFactory Api => _api ?? throw new InvalidOperationException("The host is not started yet.");

    public string ConnectionString => _database.ConnectionString;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _api = new ApiFactory(_database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
        await _database.DisposeAsync();
    }
}
