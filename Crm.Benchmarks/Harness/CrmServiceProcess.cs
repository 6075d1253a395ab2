using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Crm.Api.Auth;
using Crm.Api.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Crm.Benchmarks.Harness;

/// <summary>
/// The CRM service as operators run it — the Crm.Api program built beside this one (auth, GraphQL,
/// command handling, inline projections, projection daemon, production logging) — in a child
/// process on Kestrel at 127.0.0.1 and an ephemeral port, against the suite's database. A separate
/// process keeps the server's CPU time, GC and thread pool apart from the load generator's, so
/// both can be measured, and nothing of the client's set-up leaks into the server.
/// </summary>
internal sealed partial class CrmServiceProcess : IAsyncDisposable
{
    private const int KeptLines = 200;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();
    private long _lines;

    private CrmServiceProcess(Process process, string signingKey)
    {
        _process = process;
        Tokens = new TokenIssuer(new SymmetricSecurityKey(Convert.FromBase64String(signingKey)), new AuthOptions());
    }

    /// <summary>Where the service listens (http://127.0.0.1:port/).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Issues bearer tokens the service accepts (same key, issuer and audience).</summary>
    public TokenIssuer Tokens { get; }

    /// <summary>How many lines the service has written to its console so far (a check that requests are not logged one by one).</summary>
    public long OutputLines => Interlocked.Read(ref _lines);

    /// <summary>CPU time the service process has used so far.</summary>
    public TimeSpan Cpu
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Starts the service against <paramref name="database"/> and waits until it answers <c>/health/ready</c>.</summary>
    public static async Task<CrmServiceProcess> StartAsync(BenchDatabase database)
    {
        var signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var process = Launch(database.ServiceConnectionString, signingKey, ["--urls", "http://127.0.0.1:0"]);
        var service = new CrmServiceProcess(process, signingKey);
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => service.OnLine(e.Data, listening);
        process.ErrorDataReceived += (_, e) => service.OnLine(e.Data, listening);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var exited = process.WaitForExitAsync();
            var first = await Task.WhenAny(listening.Task, exited, Task.Delay(StartTimeout));
            if (first != listening.Task)
            {
                throw new InvalidOperationException(
                    (first == exited ? $"The service exited with code {process.ExitCode} before listening." : $"The service did not listen within {StartTimeout.TotalSeconds:0} s.")
                    + " Its last output:" + Environment.NewLine + service.LastOutput());
            }
            service.BaseAddress = listening.Task.Result;
            await service.WaitUntilReadyAsync();
            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Runs one of the service's command-line verbs (e.g. <c>seed</c>) against <paramref name="database"/>,
    /// echoing its output; throws when it fails. It is set-up, not measurement: its sessions commit
    /// without waiting for the WAL flush (<c>synchronous_commit=off</c>), so filling a store takes
    /// seconds, not minutes; what it writes is the same.
    /// </summary>
    public static async Task RunVerbAsync(BenchDatabase database, params string[] arguments)
    {
        var setUp = new Npgsql.NpgsqlConnectionStringBuilder(database.ServiceConnectionString) { Options = "-c synchronous_commit=off" }.ConnectionString;
        using var process = Launch(setUp, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), arguments);
        process.OutputDataReceived += (_, e) => Echo(e.Data);
        process.ErrorDataReceived += (_, e) => Echo(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'Crm.Api {string.Join(' ', arguments)}' failed with exit code {process.ExitCode}; see its output above.");
        }

        static void Echo(string? line)
        {
            if (line is not null)
            {
                Console.Error.WriteLine(line);
            }
        }
    }

    /// <summary>The last lines the service wrote, for error messages.</summary>
    public string LastOutput()
    {
        lock (_lastLines)
        {
            return string.Join(Environment.NewLine, _lastLines);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // A graceful stop (SIGTERM) lets the projection daemon release its leases and the pool
            // close its connections; a kill is the fallback.
            if (!OperatingSystem.IsWindows())
            {
                using var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false });
                if (term is not null)
                {
                    await term.WaitForExitAsync();
                }
            }
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        _process.Dispose();
    }

    private static Process Launch(string connectionString, string signingKey, string[] arguments)
    {
        var assembly = Path.Combine(AppContext.BaseDirectory, "Crm.Api.dll");
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException($"The service is not built beside the benchmarks ({assembly} is missing); build Crm.Benchmarks, which references Crm.Api.");
        }
        var start = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // Production: the service's own appsettings.json (Information, ASP.NET Core at Warning),
        // so requests are not logged one by one, as in a deployment.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__" + CrmDatabase.ConnectionStringName] = connectionString;
        start.Environment["Crm__Auth__SigningKey"] = signingKey;
        return Process.Start(start) ?? throw new InvalidOperationException("The service process could not be started.");
    }

    /// <summary>The dotnet host that runs this process, so the service runs on the same runtime.</summary>
    private static string DotnetHost()
    {
        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        // <root>/shared/Microsoft.NETCore.App/<version>/ → <root>/dotnet
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var host = Path.Combine(root, name);
        return File.Exists(host) ? host : name;
    }

    private void OnLine(string? line, TaskCompletionSource<Uri> listening)
    {
        if (line is null)
        {
            return;
        }
        Interlocked.Increment(ref _lines);
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > KeptLines)
            {
                _lastLines.Dequeue();
            }
        }
        if (!listening.Task.IsCompleted && ListeningLine().Match(line) is { Success: true } match)
        {
            listening.TrySetResult(new Uri(match.Groups[1].Value.TrimEnd('/') + "/"));
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = Stopwatch.StartNew();
        string last = "no answer";
        while (deadline.Elapsed < StartTimeout)
        {
            try
            {
                using var response = await http.GetAsync("health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            await Task.Delay(200);
        }
        throw new InvalidOperationException($"The service at {BaseAddress} was not ready within {StartTimeout.TotalSeconds:0} s ({last}). Its last output:{Environment.NewLine}{LastOutput()}");
    }

    // Kestrel's start-up line from Microsoft.Hosting.Lifetime (Information): "Now listening on: http://127.0.0.1:40123".
    [GeneratedRegex(@"Now listening on:\s*(http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
