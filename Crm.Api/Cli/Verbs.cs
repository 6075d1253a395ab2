using System.CommandLine;

namespace Crm.Api.Cli;

/// <summary>
/// The verbs after <c>./run.sh</c> (<c>token</c>, <c>seed</c>, <c>verify</c>, <c>rebuild</c>). Anything else — no arguments, or host options
/// such as <c>--urls</c> — runs the service.
/// </summary>
public static class Verbs
{
    private static readonly string[] Names = ["token", "seed", "verify", "rebuild"];

    public static bool IsVerb(string[] args) =>
        args.Length > 0 && (Names.Contains(args[0], StringComparer.Ordinal) || args[0] is "--help" or "-h" or "help");

    public static int Run(string[] args)
    {
        var root = new RootCommand("Crm, the customer record service. Without a verb, ./run.sh serves the API.")
        {
            TokenVerb.Create(),
            SeedVerb.Create(),
            VerifyVerb.Create(),
            RebuildVerb.Create(),
        };
        var parsed = root.Parse(args is ["help", ..] ? ["--help"] : args);
        // The seeding, verifying and rebuilding verbs are asynchronous; Ctrl+C cancels them.
        var exit = parsed.InvokeAsync().GetAwaiter().GetResult();
        // Arguments that do not parse (the errors and the usage are printed) exit like every
        // other refusal of a verb's input.
        return parsed.Errors.Count > 0 ? CliErrors.Failed : exit;
    }
}
