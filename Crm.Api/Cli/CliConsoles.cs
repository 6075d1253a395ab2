using Spectre.Console;

namespace Crm.Api.Cli;

/// <summary>Where a verb writes: results and progress to <see cref="Out"/>, errors to <see cref="Error"/>.</summary>
internal sealed record CliConsoles(IAnsiConsole Out, IAnsiConsole Error)
{
    /// <summary>The process's standard output and standard error.</summary>
    public static CliConsoles Standard() =>
        new(AnsiConsole.Console, AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }));
}
