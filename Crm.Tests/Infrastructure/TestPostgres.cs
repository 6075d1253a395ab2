using System.Globalization;
using Crm.Api.LocalDatabase;
using Npgsql;

namespace Crm.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the whole test run shares: <c>CRM_TEST_POSTGRES</c> (a connection string)
/// when set, else a throwaway cluster in a temporary folder, started once and removed when the run ends.
/// </summary>
public static class TestPostgres
{
    private const string Prefix = "crm-test-pg-";
    private static readonly Lazy<Task<string>> Server = new(StartAsync);

    /// <summary>A connection string to the maintenance database of the shared server.</summary>
    public static Task<string> AdminConnectionStringAsync() => Server.Value;

    /// <summary>Creates a new empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var admin = await AdminConnectionStringAsync();
        var name = $"t_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing its connections.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(await AdminConnectionStringAsync());
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task<string> StartAsync()
    {
        var external = Environment.GetEnvironmentVariable("CRM_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(external))
        {
            return external;
        }

        await RemoveLeftoversAsync();
        var folder = Path.Combine(Path.GetTempPath(), $"{Prefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var cluster = new LocalPostgresCluster(new LocalPostgresOptions
        {
            DataDirectory = Path.Combine(folder, "data"),
            PreferredPort = 55432,
            Durable = false,
            Database = "postgres",
            Settings = new Dictionary<string, string> { ["max_connections"] = "300" },
        });
        var instance = await cluster.EnsureStartedAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAndDelete(cluster, folder);
        return instance.AdminConnectionString;
    }

    private static void StopAndDelete(LocalPostgresCluster cluster, string folder)
    {
        try
        {
            NpgsqlConnection.ClearAllPools();
            cluster.StopAsync(immediate: true).GetAwaiter().GetResult();
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LocalPostgresException)
        {
            Console.Error.WriteLine($"could not remove the test cluster in {folder}: {ex.Message}");
        }
    }

    /// <summary>Clusters of earlier runs whose test process died without cleaning up.</summary>
    private static async Task RemoveLeftoversAsync()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            var pidText = Path.GetFileName(folder)[Prefix.Length..].Split('-')[0];
            if (int.TryParse(pidText, CultureInfo.InvariantCulture, out var pid) && Directory.Exists($"/proc/{pid}"))
            {
                continue;
            }
            var cluster = new LocalPostgresCluster(new LocalPostgresOptions { DataDirectory = Path.Combine(folder, "data") });
            try
            {
                await cluster.StopAsync(immediate: true);
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LocalPostgresException)
            {
                Console.Error.WriteLine($"could not remove a leftover test cluster in {folder}: {ex.Message}");
            }
        }
    }
}
