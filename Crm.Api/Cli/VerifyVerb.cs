using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Crm.EventStore;
using Spectre.Console;

namespace Crm.Api.Cli;

/// <summary>
/// <c>verify</c>: recomputes the hash chain of every stream of the store and prints the result —
/// OK with the store digest to record, or every broken stream with its first bad event and why.
/// Exit code 0 when the store is intact, 1 when it is not, 2 when it could not be checked.
/// </summary>
internal static class VerifyVerb
{
    /// <summary>The exit code when the store is not intact.</summary>
    public const int Broken = 1;

    public static Command Create()
    {
        var command = new Command("verify", "Verify the integrity of the whole event store and print its digest");
        command.SetAction((_, cancellationToken) => RunAsync(CliConfiguration.Build(), CliConsoles.Standard(), cancellationToken));
        return command;
    }

    /// <summary>Runs the verb on the configured database.</summary>
    public static async Task<int> RunAsync(IConfiguration configuration, CliConsoles consoles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consoles);
        var console = consoles.Out;
        try
        {
            await using var storage = CliStorage.Open(configuration, message => console.MarkupLineInterpolated($"[grey]{message}[/]"));
            console.MarkupLineInterpolated($"Verifying the event store in {storage.Where}.");
            var report = await WithStatusAsync(console, "Recomputing the hash chain of every stream", storage.Store.VerifyAllAsync(cancellationToken));
            if (!report.IsIntact)
            {
                PrintViolations(console, report);
                consoles.Error.MarkupLineInterpolated(
                    $"[red]error:[/] {report.Violations.Count:N0} of {report.StreamsChecked:N0} streams are broken: the store was altered outside the service.");
                return Broken;
            }
            console.MarkupLineInterpolated(
                $"[green]OK[/]: {report.EventsChecked:N0} events in {report.StreamsChecked:N0} streams; every hash chain is intact.");
            var digest = await WithStatusAsync(console, "Computing the store digest", storage.Store.ComputeDigestAsync(cancellationToken: cancellationToken));
            PrintDigest(console, digest);
            return 0;
        }
        catch (Exception e) when (CliErrors.IsExpected(e))
        {
            return CliErrors.Report(consoles, e);
        }
    }

    /// <summary>
    /// Shows a spinner with the time spent while <paramref name="work"/> runs: the store verifies
    /// in one pass without reporting how far it is, so the display tells that it is alive and how long it has taken.
    /// </summary>
    private static async Task<T> WithStatusAsync<T>(IAnsiConsole console, string what, Task<T> work)
    {
        var clock = Stopwatch.StartNew();
        var result = await console.Status().StartAsync($"{what}…", async context =>
        {
            while (await Task.WhenAny(work, Task.Delay(250)) != work)
            {
                // A console that is not a terminal would print every update as a new line.
                if (console.Profile.Capabilities.Interactive)
                {
                    context.Status(string.Create(CultureInfo.InvariantCulture, $"{what}… {clock.Elapsed:mm\\:ss}"));
                }
            }
            return await work;
        });
        console.MarkupLineInterpolated($"[grey]{what}: done in {clock.Elapsed.TotalSeconds:N1} s.[/]");
        return result;
    }

    private static void PrintViolations(IAnsiConsole console, IntegrityReport report)
    {
        console.MarkupLineInterpolated(
            $"[red]BROKEN[/]: {report.Violations.Count:N0} of {report.StreamsChecked:N0} streams ({report.EventsChecked:N0} events checked). The first bad event of each:");
        foreach (var violation in report.Violations)
        {
            var position = violation.Position is { } p ? string.Create(CultureInfo.InvariantCulture, $", position {p.Value}") : "";
            console.MarkupLineInterpolated($"  [bold]{violation.StreamId}[/] at version {violation.Version.Value}{position}: [red]{violation.Kind}[/]");
            console.MarkupLineInterpolated($"    {violation.Description}");
        }
    }

    private static void PrintDigest(IAnsiConsole console, StoreDigest digest)
    {
        // Written as plain lines, never wrapped, so the digest can be copied and compared as it is.
        var writer = console.Profile.Out.Writer;
        writer.WriteLine("Store digest (record it to check the store against later):");
        writer.WriteLine($"  digest      {digest.Hash}");
        writer.WriteLine($"  checkpoint  {digest.UpTo}");
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  streams     {digest.StreamCount}"));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  events      {digest.EventCount}"));
        writer.Flush();
    }
}
