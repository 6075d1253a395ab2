using System.Diagnostics;

namespace Crm.Tests.Infrastructure;

/// <summary>Runs the conformance tools under <c>conformance/</c> (graphql-http, graphql-js) with node.</summary>
public static class NodeTools
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(string script, params string[] args)
    {
        var folder = Path.Combine(Architecture.ProjectReferenceTests.RepositoryRoot(), "conformance");
        if (!Directory.Exists(Path.Combine(folder, "node_modules")))
        {
            throw new InvalidOperationException(
                "The conformance tools are not installed: run 'npm ci' in conformance/ (./test.sh does it).");
        }
        var psi = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("node could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish within 2 minutes.");
        }
        return new Result(process.ExitCode, await output, await error);
    }
}
