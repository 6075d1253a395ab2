using Spectre.Console;

namespace Crm.Api.Cli;

/// <summary>Where a verb writes: results and progress to <see cref="Out"/>, errors to <see cref="Error"/>.</summary>
internal sealed record CliConsoles(IAnsiConsole Out, IAnsiConsole Error)
{
    /// <summary>
    /// The process's standard output and standard error. When they are not a terminal, lines are
    /// wrapped at <c>COLUMNS</c> characters if that is set (else at 80).
    /// </summary>
    public static CliConsoles Standard()
    {
        var output = AnsiConsole.Console;
        var error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns is > 20 and < 1000)
        {
            if (Console.IsOutputRedirected)
            {
                output.Profile.Width = columns;
            }
            if (Console.IsErrorRedirected)
            {
                error.Profile.Width = columns;
            }
        }
        return new(output, error);
    }
}
