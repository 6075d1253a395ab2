using System.Diagnostics;

namespace Crm.Api.LocalDatabase;

/// <summary>Runs a program to completion, as another OS user when asked, and captures its output.</summary>
internal static class ProcessRunner
{
    public sealed record Result(int ExitCode, string Output);

    public static async Task<Result> RunAsync(string? asUser, string program, IEnumerable<string> args, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (asUser is null)
        {
            psi.FileName = program;
        }
        else
        {
            // PostgreSQL refuses to run as root, so a root caller hands the programs to the service user.
            psi.FileName = "runuser";
            psi.ArgumentList.Add("-u");
            psi.ArgumentList.Add(asUser);
            psi.ArgumentList.Add("--");
            psi.ArgumentList.Add(program);
        }
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }
        // A stable, UTF-8 locale: initdb picks its defaults from the environment.
        psi.Environment["LC_ALL"] = "C.UTF-8";
        psi.Environment["LANG"] = "C.UTF-8";

        using var process = new Process { StartInfo = psi };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new LocalPostgresException($"Could not start '{psi.FileName}': {ex.Message}", ex);
        }
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new LocalPostgresException($"'{Path.GetFileName(program)}' did not finish within {timeout.TotalSeconds:0} s.");
        }
        var output = (await stdout + await stderr).Trim();
        return new Result(process.ExitCode, output);
    }
}
