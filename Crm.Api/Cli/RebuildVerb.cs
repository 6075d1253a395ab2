using System.CommandLine;
using System.Globalization;
using Crm.Api.Application;
using Crm.EventStore.Postgres;
using Crm.EventStore.Projections;
using Crm.Projections.Daemon;
using Spectre.Console;

namespace Crm.Api.Cli;

/// <summary>
/// <c>rebuild [projection]</c>: rebuilds every read model (or one) from the event log with the
/// projection daemon's blue/green rebuild: the log is replayed into fresh tables while the live
/// ones keep serving, then the fresh tables are swapped in. Every table's row count and checksum
/// is taken before and after, and the rebuilt tables are compared with the live tables they
/// replaced. Exit code 0 when they hold the same rows, 1 when some differed (the rebuilt rows are
/// live now), 2 when it could not run.
/// </summary>
/// <remarks>
/// The comparison is meant for a store nobody writes to meanwhile: the verb notices appends made
/// during the rebuild (the rows they add differ legitimately) and says so.
/// </remarks>
internal static class RebuildVerb
{
    /// <summary>The exit code when live tables differed from the replay of the log.</summary>
    public const int Differed = 1;

    /// <summary>Read models rebuilt at once by default: a rebuild keeps about one server core busy, so two use a small machine fully.</summary>
    public const int DefaultParallel = 2;

    public const int MaxParallel = 8;

    private const string NamePrefix = "crm.";

    public static Command Create()
    {
        var projection = new Argument<string?>("projection")
        {
            Description = "The read model to rebuild, e.g. crm.case_view or case_view (default: all of them)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var parallel = new Option<int>("--parallel")
        {
            Description = $"How many read models are rebuilt at once (1 to {MaxParallel}); each replays the log on a connection of its own",
            DefaultValueFactory = _ => DefaultParallel,
        };
        var command = new Command("rebuild", "Rebuild the read models from the event log (blue/green) and compare them with the live tables") { projection, parallel };
        command.SetAction((parse, cancellationToken) => RunAsync(CliConfiguration.Build(), parse.GetValue(projection), CliConsoles.Standard(), cancellationToken, parse.GetValue(parallel)));
        return command;
    }

    /// <summary>Runs the verb on the configured database.</summary>
    /// <param name="configuration">Where the database is (as the service reads it).</param>
    /// <param name="projection">The read model to rebuild; null for all.</param>
    /// <param name="consoles">Where to write.</param>
    /// <param name="cancellationToken">Abandons the rebuild in progress (its live tables stay as they were).</param>
    /// <param name="parallel">How many read models are rebuilt at once.</param>
    public static async Task<int> RunAsync(IConfiguration configuration, string? projection, CliConsoles consoles, CancellationToken cancellationToken, int parallel = DefaultParallel)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(consoles);
        var console = consoles.Out;
        if (parallel is < 1 or > MaxParallel)
        {
            return CliErrors.Report(consoles, [string.Create(CultureInfo.InvariantCulture, $"--parallel must be from 1 to {MaxParallel}; {parallel} is not.")]);
        }
        try
        {
            await using var storage = CliStorage.Open(configuration, message => console.MarkupLineInterpolated($"[grey]{message}[/]"));
            if (storage.Store is not PostgresEventStore store)
            {
                return CliErrors.Report(consoles, ["The configured event store is not the PostgreSQL store; the projection daemon rebuilds only that one."]);
            }
            var registry = new ProjectionRegistry().AddCrmReadModels(storage.ReadSchema);
            var names = registry.Names;
            string[] chosen;
            if (projection is null)
            {
                chosen = [.. names];
            }
            else if (names.FirstOrDefault(n => string.Equals(n, projection, StringComparison.Ordinal) || string.Equals(n, NamePrefix + projection, StringComparison.Ordinal)) is { } name)
            {
                chosen = [name];
            }
            else
            {
                return CliErrors.Report(consoles, [$"There is no read model '{projection}'. Read models: {string.Join(", ", names)}."]);
            }

            await storage.Storage.InitializeAsync(cancellationToken);
            await using var daemon = new ProjectionDaemon(store, registry, new ProjectionDaemonOptions
            {
                Diagnostics = d =>
                {
                    if (d.Level >= ProjectionDiagnosticLevel.Warning)
                    {
                        consoles.Error.MarkupLineInterpolated($"[yellow]{d.Level}:[/] {d.Message}");
                    }
                },
            });
            var tables = new ReadModelTables(storage.DataSource, storage.ReadSchema.Name, configuration["Crm:EventStore:Schema"] ?? ApplicationSetup.DefaultStoreSchema);
            console.MarkupLineInterpolated($"Rebuilding {chosen.Length} read model(s) of schema {storage.ReadSchema.Name} from the event log in {storage.Where}.");

            var before = await tables.SnapshotAsync(cancellationToken);
            IReadOnlyList<RebuildResult> rebuilt = [];
            await console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var tasks = chosen.ToDictionary(name => name, name => context.AddTask(Markup.Escape(name), maxValue: 1), StringComparer.Ordinal);
                    rebuilt = await daemon.RebuildAsync(chosen, parallel, name => new Reporter(tasks[name]), cancellationToken);
                    foreach (var task in tasks.Values)
                    {
                        task.Value = task.MaxValue;
                        task.StopTask();
                    }
                });
            var results = rebuilt
                .Select(r => (Result: r, Tables: (IReadOnlyList<string>)[.. registry.TablesOf(r.Projection).Select(t => t.Name).Order(StringComparer.Ordinal)]))
                .ToList();
            var after = await tables.SnapshotAsync(cancellationToken);

            var differing = Print(console, before, after, results);
            var appended = after.Head != before.Head;
            if (differing == 0)
            {
                console.MarkupLine("[green]OK[/]: the rebuilt tables hold exactly the rows the live tables held; they are live now.");
                return 0;
            }
            if (appended)
            {
                console.MarkupLineInterpolated(
                    $"[yellow]Events were appended while the rebuild ran[/] (the log's head moved from {before.Head} to {after.Head}): the differences may be those events' rows. Run rebuild again while nothing writes to compare exactly.");
            }
            consoles.Error.MarkupLineInterpolated(
                $"[yellow]warning:[/] {differing} table(s) differed from the live tables they replaced; the rebuilt rows are live now.");
            return Differed;
        }
        catch (Exception e) when (CliErrors.IsExpected(e))
        {
            return CliErrors.Report(consoles, e);
        }
    }

    /// <summary>Prints the comparison and the rebuilds; returns how many tables differ.</summary>
    private static int Print(
        IAnsiConsole console, ReadModelTables.Snapshot before, ReadModelTables.Snapshot after, IReadOnlyList<(RebuildResult Result, IReadOnlyList<string> Tables)> results)
    {
        var differing = 0;
        // Checksums are shown abbreviated to keep the table readable; equality is decided on the whole sums.
        var table = new Table()
            .Title("Rebuilt tables compared with the live tables they replaced")
            .AddColumn(new TableColumn("Read model / table").NoWrap())
            .AddColumn(new TableColumn("Live rows").RightAligned())
            .AddColumn(new TableColumn("Rebuilt rows").RightAligned())
            .AddColumn(new TableColumn("MD5 of all rows").NoWrap())
            .AddColumn("Result");
        foreach (var (result, names) in results)
        {
            table.AddRow($"[bold]{Markup.Escape(result.Projection)}[/]", "", "", "", "");
            foreach (var name in names)
            {
                var live = before.Tables.GetValueOrDefault(name);
                var rebuilt = after.Tables[name];
                var equal = live is not null && live.Rows == rebuilt.Rows && string.Equals(live.Md5, rebuilt.Md5, StringComparison.Ordinal);
                differing += equal ? 0 : 1;
                table.AddRow(
                    $"  {Markup.Escape(name)}",
                    live is null ? "-" : live.Rows.ToString("N0", CultureInfo.InvariantCulture),
                    rebuilt.Rows.ToString("N0", CultureInfo.InvariantCulture),
                    equal ? Short(rebuilt.Md5) : $"{Short(live?.Md5)} → {Short(rebuilt.Md5)}",
                    equal ? "[green]equal[/]" : "[red]differs[/]");
            }
        }
        console.Write(table);

        var rebuilds = new Table()
            .Title("Rebuilds")
            .AddColumn("Read model")
            .AddColumn(new TableColumn("Events replayed").RightAligned())
            .AddColumn(new TableColumn("Dead letters").RightAligned())
            .AddColumn(new TableColumn("Time").RightAligned())
            .AddColumn(new TableColumn("Events/s").RightAligned());
        foreach (var (result, _) in results)
        {
            rebuilds.AddRow(
                Markup.Escape(result.Projection),
                result.EventsApplied.ToString("N0", CultureInfo.InvariantCulture),
                result.DeadLetters.Count.ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{result.Elapsed.TotalSeconds:N1} s"),
                (result.Elapsed > TimeSpan.Zero ? result.EventsApplied / result.Elapsed.TotalSeconds : 0).ToString("N0", CultureInfo.InvariantCulture));
        }
        console.Write(rebuilds);
        return differing;
    }

    private static string Short(string? md5) => md5 is null ? "-" : md5[..Math.Min(12, md5.Length)] + "…";

    /// <summary>Shows the daemon's progress reports on a progress task: events done of the expected total, events per second, time left.</summary>
    private sealed class Reporter(ProgressTask task) : IProgress<RebuildProgress>
    {
        public void Report(RebuildProgress value)
        {
            task.MaxValue = Math.Max(1, value.EventsTotal);
            task.Value = Math.Min(value.EventsDone, value.EventsTotal);
            var left = value.EstimatedTimeLeft is { } l ? string.Create(CultureInfo.InvariantCulture, $", {l.TotalSeconds:N0} s left") : "";
            task.Description = string.Create(
                CultureInfo.InvariantCulture,
                $"{Markup.Escape(value.Projection)} {value.Phase.ToString().ToLowerInvariant()}: {value.EventsDone:N0}/{value.EventsTotal:N0} events, {value.EventsPerSecond:N0}/s{left}");
        }
    }
}
