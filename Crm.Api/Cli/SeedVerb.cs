using System.CommandLine;
using System.Globalization;
using Crm.Api.Seeding;
using Spectre.Console;

namespace Crm.Api.Cli;

/// <summary>
/// <c>seed [--customers 1000] [--seed 42] [--days 180] [--anchor yyyy-MM-dd] [--parallel 4] [--bulk]</c>:
/// fills the store with a deterministic synthetic history through the API's commands (with
/// <c>--bulk</c>, run against an in-memory store and written with large imports). Exit code
/// 0 when every command was accepted, 1 when the domain refused some (a generator bug), 2 when it
/// could not run.
/// </summary>
internal static class SeedVerb
{
    /// <summary>The exit code when the domain refused commands of the generator.</summary>
    public const int RefusedCommands = 1;

    public static Command Create()
    {
        var customers = new Option<int>("--customers") { Description = $"How many customers to register (1 to {SeedOptions.MaxCustomers:N0})", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "The seed of every random draw, name and id: the same seed gives the same history", DefaultValueFactory = _ => 42 };
        var days = new Option<int>("--days") { Description = "How many days the history spans", DefaultValueFactory = _ => 180 };
        var anchor = new Option<string?>("--anchor") { Description = "The day the history ends, as yyyy-MM-dd: it covers the days before that day's midnight UTC (default: today, UTC)" };
        var parallel = new Option<int>("--parallel") { Description = "How many customers are simulated at once", DefaultValueFactory = _ => 4 };
        var bulk = new Option<bool>("--bulk")
        {
            Description = "Run the commands against an in-memory store and write their events with large imports (binary COPY): much faster, same events per stream",
        };
        var command = new Command("seed", "Fill the store with a deterministic synthetic history, written through the API's commands")
        {
            customers, seed, days, anchor, parallel, bulk,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var consoles = CliConsoles.Standard();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var anchorText = parse.GetValue(anchor);
            var anchorDay = today;
            if (anchorText is not null && !DateOnly.TryParseExact(anchorText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out anchorDay))
            {
                return CliErrors.Report(consoles, [$"--anchor '{anchorText}' is not a date written as yyyy-MM-dd (e.g. 2025-06-30)."]);
            }
            var options = new SeedOptions
            {
                Customers = parse.GetValue(customers),
                Seed = parse.GetValue(seed),
                Days = parse.GetValue(days),
                Anchor = anchorDay,
                Parallelism = parse.GetValue(parallel),
            };
            return await RunAsync(CliConfiguration.Build(), options, consoles, today, cancellationToken, parse.GetValue(bulk));
        });
        return command;
    }

    /// <summary>Runs the verb: checks the options, seeds the configured database with progress, prints the summary.</summary>
    /// <param name="configuration">Where the database is (as the service reads it).</param>
    /// <param name="options">What to generate.</param>
    /// <param name="consoles">Where to write.</param>
    /// <param name="today">Today (UTC), the latest possible anchor.</param>
    /// <param name="cancellationToken">Stops the generation between two steps.</param>
    /// <param name="bulk">Simulate in memory and import the events in large batches instead of one append per command.</param>
    public static async Task<int> RunAsync(IConfiguration configuration, SeedOptions options, CliConsoles consoles, DateOnly today, CancellationToken cancellationToken, bool bulk = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(consoles);
        var problems = options.Problems(today);
        if (problems.Count > 0)
        {
            return CliErrors.Report(consoles, problems);
        }
        var console = consoles.Out;
        try
        {
            await using var storage = CliStorage.Open(configuration, message => console.MarkupLineInterpolated($"[grey]{message}[/]"));
            await storage.Storage.InitializeAsync(cancellationToken);
            console.MarkupLineInterpolated(
                $"Seeding [bold]{options.Customers:N0}[/] customers (seed {options.Seed}) over the {options.Days} days before {options.Anchor:yyyy-MM-dd} (UTC) into {storage.Where}{(bulk ? " in bulk (in-memory simulation, imports of " + Seeder.DefaultImportSize.ToString("N0", CultureInfo.InvariantCulture) + " events)" : "")}.");
            var seeder = new Seeder(options, storage.Store, storage.Policies);
            var report = await console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("Simulating", maxValue: options.Days);
                    void Report(SeedProgress progress)
                    {
                        task.Description = string.Create(CultureInfo.InvariantCulture, $"Day {progress.DaysDone}/{progress.Days}: {progress.Events:N0} events, {progress.EventsPerSecond:N0}/s");
                        task.Value = progress.DaysDone;
                    }
                    return bulk
                        ? await seeder.RunBulkAsync(Report, cancellationToken)
                        : await seeder.RunAsync(Report, cancellationToken);
                });
            Print(console, report);

            // The async read models (trends, agent performance) are the daemon's: run it until it has
            // applied what was just written, so a fresh store answers every query at once. When a
            // service instance already leads them, this waits for that instance instead.
            console.MarkupLine("[grey]Bringing the trends and agent performance up to date…[/]");
            await storage.Daemon.StartAsync(cancellationToken);
            await storage.Daemon.WaitForCatchUpAsync(TimeSpan.FromMinutes(30), cancellationToken);
            await storage.Daemon.StopAsync(cancellationToken);

            if (report.Refused == 0)
            {
                return 0;
            }
            consoles.Error.MarkupLineInterpolated($"[red]error:[/] the domain refused {report.Refused:N0} of the generator's commands; the generator must only issue valid commands (see the list above).");
            return RefusedCommands;
        }
        catch (Exception e) when (CliErrors.IsExpected(e))
        {
            return CliErrors.Report(consoles, e);
        }
    }

    private static void Print(IAnsiConsole console, SeedReport report)
    {
        var options = report.Options;
        var summary = new Table().Title("Seeded").AddColumn("").AddColumn(new TableColumn("").RightAligned()).HideHeaders();
        summary.AddRow("Customers", options.Customers.ToString("N0", CultureInfo.InvariantCulture));
        summary.AddRow("Staff", string.Create(CultureInfo.InvariantCulture, $"{report.Staff.Agents.Count} agents, {report.Staff.Supervisors.Count} supervisors, {report.Staff.Managers.Count} managers"));
        summary.AddRow("Seed", options.Seed.ToString(CultureInfo.InvariantCulture));
        summary.AddRow("Period (UTC)", string.Create(CultureInfo.InvariantCulture, $"{options.Start:yyyy-MM-dd} to {options.End.AddDays(-1):yyyy-MM-dd}"));
        summary.AddRow("Events", report.Events.ToString("N0", CultureInfo.InvariantCulture));
        summary.AddRow("Commands", report.Commands.ToString("N0", CultureInfo.InvariantCulture));
        summary.AddRow("Refused commands", report.Refused == 0 ? "0" : $"[red]{report.Refused:N0}[/]");
        summary.AddRow("Elapsed", report.Elapsed.ToString(@"hh\:mm\:ss\.f", CultureInfo.InvariantCulture));
        summary.AddRow("Events per second", report.EventsPerSecond.ToString("N0", CultureInfo.InvariantCulture));
        console.Write(summary);

        var byType = new Table().Title("Events by type").AddColumn("Event type").AddColumn(new TableColumn("Events").RightAligned());
        foreach (var (type, count) in report.EventsByType)
        {
            byType.AddRow(type, count == 0 ? "[yellow]0[/]" : count.ToString("N0", CultureInfo.InvariantCulture));
        }
        console.Write(byType);

        if (report.Refusals.Count > 0)
        {
            var refusals = new Table().Title($"Refused commands (first {report.Refusals.Count})").AddColumn("Command").AddColumn("Stream").AddColumn("Code").AddColumn("Message");
            foreach (var refusal in report.Refusals)
            {
                refusals.AddRow(Markup.Escape(refusal.Command), Markup.Escape(refusal.StreamId), Markup.Escape(refusal.Code), Markup.Escape(refusal.Message));
            }
            console.Write(refusals);
        }
    }
}
