using Crm.Api.Cli;
using Crm.Api.Seeding;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Spectre.Console;

namespace Crm.Tests.Api.Cli;

/// <summary>What the verb tests share: consoles that record, configuration pointing at a test database, a small seeded history.</summary>
internal static class CliTestKit
{
    /// <summary>The anchor day of the tests' histories: fixed, so every run generates the same events.</summary>
    public static readonly DateOnly Anchor = new(2025, 3, 1);

    /// <summary>Today as the verbs see it in the tests: any day after the anchor.</summary>
    public static readonly DateOnly Today = new(2025, 6, 1);

    /// <summary>The configuration of a verb run against <paramref name="connectionString"/>.</summary>
    public static IConfiguration Configuration(string connectionString) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Crm"] = connectionString }).Build();

    public static SeedOptions Options(int customers, int days, int seed = 42, int parallelism = 4) =>
        new() { Customers = customers, Days = days, Seed = seed, Anchor = Anchor, Parallelism = parallelism };

    /// <summary>Seeds through the verb; fails the test unless it succeeded.</summary>
    public static async Task SeedAsync(string connectionString, SeedOptions options)
    {
        var consoles = new RecordingConsoles();
        var exit = await SeedVerb.RunAsync(Configuration(connectionString), options, consoles.Consoles, Today, CancellationToken.None);
        Assert.True(exit == 0, $"seed exited with {exit}:\n{consoles.Output}\n{consoles.Errors}");
    }

    public static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>Consoles that keep what a verb wrote, without colours or live displays, wide enough not to wrap.</summary>
internal sealed class RecordingConsoles
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    public RecordingConsoles()
    {
        Consoles = new CliConsoles(Create(_out), Create(_error));
    }

    public CliConsoles Consoles { get; }

    public string Output => _out.ToString();

    public string Errors => _error.ToString();

    private static IAnsiConsole Create(StringWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 250;
        return console;
    }
}

/// <summary>A database of its own for one test class, seeded once with a small history (6 customers over 30 days).</summary>
public sealed class SeededDatabase : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        ConnectionString = await Infrastructure.TestPostgres.CreateDatabaseAsync();
        await CliTestKit.SeedAsync(ConnectionString, CliTestKit.Options(6, 30));
    }

    public Task DisposeAsync() => Infrastructure.TestPostgres.DropDatabaseAsync(ConnectionString);
}
