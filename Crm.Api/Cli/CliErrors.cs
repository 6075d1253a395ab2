using System.Net.Sockets;
using Crm.Api.LocalDatabase;
using Crm.Api.Seeding;
using Crm.EventStore;
using Npgsql;
using Spectre.Console;

namespace Crm.Api.Cli;

/// <summary>What the verbs print instead of a stack trace when something outside them goes wrong.</summary>
internal static class CliErrors
{
    /// <summary>The exit code of a verb that could not do its work (bad arguments, no database, …).</summary>
    public const int Failed = 2;

    /// <summary>A sentence for the failures a verb can meet; null for the ones that are bugs and deserve their stack trace.</summary>
    public static string? Describe(Exception exception) => exception switch
    {
        SeedConflictException e => e.Message,
        LocalPostgresException e => $"The local PostgreSQL cluster is not usable: {e.Message}",
        PostgresException e => $"PostgreSQL refused: {e.MessageText} ({e.SqlState}).",
        NpgsqlException { InnerException: SocketException or TimeoutException } e => $"Cannot reach PostgreSQL: {e.InnerException!.Message}. Check ConnectionStrings:Crm, or unset it to use the local cluster.",
        NpgsqlException e => $"PostgreSQL failed: {e.Message}",
        EventStoreException e => $"The event store failed: {e.Message}",
        ArgumentException e when e.Message.Contains("connection string", StringComparison.OrdinalIgnoreCase) => $"The connection string is not valid: {e.Message}",
        InvalidOperationException e when e.Message.StartsWith("Crm:", StringComparison.Ordinal) => $"Configuration: {e.Message}",
        OperationCanceledException => "Stopped.",
        _ => null,
    };

    /// <summary>Whether <paramref name="exception"/> is a failure a verb reports in a sentence (see <see cref="Describe"/>).</summary>
    public static bool IsExpected(Exception exception) => Describe(exception) is not null;

    /// <summary>Prints a failure the verb cannot recover from, or the problems with its arguments, and returns <see cref="Failed"/>.</summary>
    public static int Report(CliConsoles consoles, Exception exception) => Report(consoles, [Describe(exception) ?? exception.Message]);

    /// <inheritdoc cref="Report(CliConsoles, Exception)"/>
    public static int Report(CliConsoles consoles, IEnumerable<string> problems)
    {
        ArgumentNullException.ThrowIfNull(consoles);
        foreach (var problem in problems)
        {
            consoles.Error.MarkupLineInterpolated($"[red]error:[/] {problem}");
        }
        return Failed;
    }
}
