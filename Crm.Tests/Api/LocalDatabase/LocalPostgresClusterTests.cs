using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Crm.Api.LocalDatabase;
using Npgsql;

namespace Crm.Tests.Api.LocalDatabase;

/// <summary>Each test makes and removes a cluster of its own, apart from the shared test server.</summary>
public sealed class LocalPostgresClusterTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crm-cluster-test-").FullName;
    private readonly List<LocalPostgresCluster> _started = [];

    private LocalPostgresCluster NewCluster(int preferredPort, string? binDirectory = null)
    {
        var cluster = new LocalPostgresCluster(new LocalPostgresOptions
        {
            DataDirectory = Path.Combine(_folder, "postgres"),
            PreferredPort = preferredPort,
            BinDirectory = binDirectory,
            Durable = false,
            Database = "app",
        });
        _started.Add(cluster);
        return cluster;
    }

    [Fact]
    public async Task FirstStart_InitializesStartsAndCreatesTheDatabase()
    {
        var instance = await NewCluster(FreePort()).EnsureStartedAsync();

        Assert.True(instance.Initialized);
        Assert.False(instance.WasRunning);
        Assert.Equal("app", await ScalarAsync<string>(instance.ConnectionString, "SELECT current_database()"));
        Assert.True(File.Exists(Path.Combine(_folder, "postgres", "PG_VERSION")));
    }

    [Fact]
    public async Task SecondStart_WhileRunning_ReusesTheRunningServer()
    {
        var first = await NewCluster(FreePort()).EnsureStartedAsync();
        await ExecuteAsync(first.ConnectionString, "CREATE TABLE kept (x int); INSERT INTO kept VALUES (42)");

        var second = await NewCluster(FreePort()).EnsureStartedAsync();

        Assert.False(second.Initialized);
        Assert.True(second.WasRunning);
        Assert.Equal(first.Port, second.Port);
        Assert.Equal(42, await ScalarAsync<int>(second.ConnectionString, "SELECT x FROM kept"));
    }

    [Fact]
    public async Task StartAfterStop_ReusesTheDataAndThePort()
    {
        var cluster = NewCluster(FreePort());
        var first = await cluster.EnsureStartedAsync();
        await ExecuteAsync(first.ConnectionString, "CREATE TABLE kept (x int); INSERT INTO kept VALUES (7)");
        NpgsqlConnection.ClearAllPools();
        await cluster.StopAsync();

        var again = await cluster.EnsureStartedAsync();

        Assert.False(again.Initialized);
        Assert.False(again.WasRunning);
        Assert.Equal(first.Port, again.Port);
        Assert.Equal(7, await ScalarAsync<int>(again.ConnectionString, "SELECT x FROM kept"));
    }

    [Fact]
    public async Task StalePidFile_FromAServerThatNoLongerRuns_IsRemovedAndTheServerStarts()
    {
        var cluster = NewCluster(FreePort());
        await cluster.EnsureStartedAsync();
        NpgsqlConnection.ClearAllPools();
        await cluster.StopAsync();
        var pidFile = Path.Combine(cluster.DataDirectory, "postmaster.pid");
        var deadPid = DeadPid();
        await File.WriteAllTextAsync(pidFile, $"{deadPid}\n{cluster.DataDirectory}\n1700000000\n5432\n\n127.0.0.1\n  1234  5678\nready\n");

        var instance = await cluster.EnsureStartedAsync();

        Assert.Contains(instance.Notes, n => n.Contains("stale postmaster.pid", StringComparison.Ordinal));
        Assert.Equal(1, await ScalarAsync<int>(instance.ConnectionString, "SELECT 1"));
    }

    [Fact]
    public async Task KilledServer_LeavesItsPidFile_AndTheNextStartRecovers()
    {
        var cluster = NewCluster(FreePort());
        await cluster.EnsureStartedAsync();
        NpgsqlConnection.ClearAllPools();
        var pidFile = Path.Combine(cluster.DataDirectory, "postmaster.pid");
        var pid = int.Parse(File.ReadLines(pidFile).First(), CultureInfo.InvariantCulture);
        using (var server = Process.GetProcessById(pid))
        {
            server.Kill();
            await server.WaitForExitAsync();
        }
        Assert.True(File.Exists(pidFile));

        var instance = await cluster.EnsureStartedAsync();

        Assert.False(instance.WasRunning);
        Assert.Equal(1, await ScalarAsync<int>(instance.ConnectionString, "SELECT 1"));
    }

    [Fact]
    public async Task PreferredPortTaken_PicksAnotherAndSaysWhich()
    {
        var port = FreePort();
        using var squatter = new TcpListener(IPAddress.Loopback, port);
        squatter.Start();

        var instance = await NewCluster(port).EnsureStartedAsync();

        Assert.NotEqual(port, instance.Port);
        Assert.Contains(instance.Notes, n => n.Contains($"port {port} is taken", StringComparison.Ordinal) && n.Contains($"port {instance.Port}", StringComparison.Ordinal));
        Assert.Equal(1, await ScalarAsync<int>(instance.ConnectionString, "SELECT 1"));
    }

    [Fact]
    public async Task MissingBinaries_FailWithAMessageThatNamesThem()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_folder, "no-bin")).FullName;

        var error = await Assert.ThrowsAsync<LocalPostgresException>(() => NewCluster(FreePort(), empty).EnsureStartedAsync());

        Assert.Contains("initdb", error.Message, StringComparison.Ordinal);
        Assert.Contains(empty, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "postgres", "PG_VERSION")));
    }

    [Fact]
    public async Task NonEmptyFolderWithoutACluster_IsNotOverwritten()
    {
        var data = Directory.CreateDirectory(Path.Combine(_folder, "postgres")).FullName;
        await File.WriteAllTextAsync(Path.Combine(data, "precious.txt"), "keep me");

        var error = await Assert.ThrowsAsync<LocalPostgresException>(() => NewCluster(FreePort()).EnsureStartedAsync());

        Assert.Contains("not empty", error.Message, StringComparison.Ordinal);
        Assert.Equal("keep me", await File.ReadAllTextAsync(Path.Combine(data, "precious.txt")));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        foreach (var cluster in _started)
        {
            await cluster.StopAsync(immediate: true);
        }
        Directory.Delete(_folder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static int DeadPid()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
