using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Crm.Api.LocalDatabase;

/// <summary>
/// A private PostgreSQL cluster that the project creates and starts itself from the server
/// programs (initdb, pg_ctl): no Docker, no preinstalled database. Used by the host (data kept
/// under <c>.crm/</c>) and by the tests (a throwaway cluster).
/// </summary>
public sealed class LocalPostgresCluster
{
    private const string SuperUser = "postgres";
    private readonly LocalPostgresOptions _options;
    private readonly Action<string> _log;

    public LocalPostgresCluster(LocalPostgresOptions options, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options with { DataDirectory = Path.GetFullPath(options.DataDirectory) };
        _log = log ?? (_ => { });
    }

    public string DataDirectory => _options.DataDirectory;

    /// <summary>The file that remembers the port the cluster last used, beside the data directory.</summary>
    public string PortFile => _options.DataDirectory.TrimEnd(Path.DirectorySeparatorChar) + ".port";

    private string LogFile => Path.Combine(_options.DataDirectory, "server.log");

    private string PidFile => Path.Combine(_options.DataDirectory, "postmaster.pid");

    /// <summary>The OS user PostgreSQL runs as: the service user when this process is root, else this user.</summary>
    private string? RunAs => Environment.IsPrivilegedProcess ? _options.ServiceUser : null;

    /// <summary>
    /// Creates the cluster when it does not exist, starts it when it is not running (repairing a
    /// stale pid file and moving off a taken port), and creates the application database.
    /// </summary>
    public async Task<LocalPostgresInstance> EnsureStartedAsync(CancellationToken cancellationToken = default)
    {
        var binaries = PostgresBinaries.Locate(_options.BinDirectory);
        var notes = new List<string>();

        // Two processes starting against the same folder must not both run initdb or pg_ctl start.
        Directory.CreateDirectory(Path.GetDirectoryName(_options.DataDirectory)!);
        await using var gate = await AcquireLockAsync(cancellationToken);

        var initialized = false;
        if (!File.Exists(Path.Combine(_options.DataDirectory, "PG_VERSION")))
        {
            await InitializeAsync(binaries);
            initialized = true;
            Note(notes, $"created a new PostgreSQL cluster in {_options.DataDirectory}");
        }

        var running = RunningPort(notes);
        var wasRunning = running is not null;
        var port = running ?? await StartAsync(binaries, notes, cancellationToken);
        await File.WriteAllTextAsync(PortFile, port.ToString(CultureInfo.InvariantCulture), cancellationToken);

        var admin = ConnectionString(port, "postgres");
        await EnsureDatabaseAsync(admin, _options.Database, cancellationToken);
        return new LocalPostgresInstance(port, ConnectionString(port, _options.Database), admin, initialized, wasRunning, notes);
    }

    /// <summary>Stops the cluster if it runs; <paramref name="immediate"/> skips the shutdown checkpoint.</summary>
    public async Task StopAsync(bool immediate = false)
    {
        if (!File.Exists(PidFile))
        {
            return;
        }
        var binaries = PostgresBinaries.Locate(_options.BinDirectory);
        var result = await ProcessRunner.RunAsync(RunAs, binaries.PgCtl,
            ["stop", "-D", _options.DataDirectory, "-m", immediate ? "immediate" : "fast", "-w", "-t", "60"],
            TimeSpan.FromSeconds(90));
        if (result.ExitCode != 0 && File.Exists(PidFile))
        {
            throw new LocalPostgresException($"pg_ctl stop failed: {result.Output}");
        }
    }

    /// <summary>A connection string for a database of a cluster on this machine's loopback.</summary>
    public static string ConnectionString(int port, string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = SuperUser,
            Database = database,
        }.ConnectionString;

    private void Note(List<string> notes, string message)
    {
        notes.Add(message);
        _log(message);
    }

    private async Task<FileStream> AcquireLockAsync(CancellationToken cancellationToken)
    {
        var lockPath = _options.DataDirectory.TrimEnd(Path.DirectorySeparatorChar) + ".lock";
        var deadline = DateTime.UtcNow + _options.StartTimeout;
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    private async Task InitializeAsync(PostgresBinaries binaries)
    {
        var dir = _options.DataDirectory;
        if (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any())
        {
            throw new LocalPostgresException(
                $"'{dir}' is not empty and holds no PostgreSQL cluster (no PG_VERSION). Move it away or delete it, and start again.");
        }
        Directory.CreateDirectory(dir);
        if (OperatingSystem.IsWindows())
        {
            throw new LocalPostgresException("The embedded PostgreSQL default runs on Linux and macOS; on Windows set ConnectionStrings:Crm.");
        }
        File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (RunAs is { } user)
        {
            await GrantToServiceUserAsync(dir, user);
        }

        List<string> args = ["-D", dir, "-U", SuperUser, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"];
        if (!_options.Durable)
        {
            args.Add("--no-sync");
        }
        var result = await ProcessRunner.RunAsync(RunAs, binaries.InitDb, args, TimeSpan.FromMinutes(3));
        if (result.ExitCode != 0)
        {
            throw new LocalPostgresException($"initdb failed for '{dir}' (exit {result.ExitCode}): {result.Output}");
        }
    }

    /// <summary>
    /// Gives the data directory to the service user and lets that user traverse the folders above
    /// it (only the search bit is added, and only where it is missing).
    /// </summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private async Task GrantToServiceUserAsync(string dir, string user)
    {
        var chown = await ProcessRunner.RunAsync(null, "chown", [$"{user}:", dir], TimeSpan.FromSeconds(30));
        if (chown.ExitCode != 0)
        {
            throw new LocalPostgresException(
                $"Could not give '{dir}' to the '{user}' OS user, which PostgreSQL runs as under root: {chown.Output}");
        }
        for (var parent = Path.GetDirectoryName(dir); !string.IsNullOrEmpty(parent); parent = Path.GetDirectoryName(parent))
        {
            var mode = File.GetUnixFileMode(parent);
            if (!mode.HasFlag(UnixFileMode.OtherExecute))
            {
                File.SetUnixFileMode(parent, mode | UnixFileMode.OtherExecute);
                _log($"let the '{user}' user traverse {parent} (added o+x) so PostgreSQL can reach its data");
            }
        }
    }

    /// <summary>The port of the server that runs on this data directory, or null when none does.</summary>
    private int? RunningPort(List<string> notes)
    {
        if (!File.Exists(PidFile))
        {
            return null;
        }
        string[] lines;
        try
        {
            lines = File.ReadAllLines(PidFile);
        }
        catch (IOException)
        {
            return null;
        }
        if (lines.Length > 0 && int.TryParse(lines[0], CultureInfo.InvariantCulture, out var pid) && IsPostgresProcess(pid))
        {
            if (lines.Length > 3 && int.TryParse(lines[3], CultureInfo.InvariantCulture, out var port))
            {
                return port;
            }
            // The server is alive but has not written its port yet: it is still starting.
            return null;
        }
        File.Delete(PidFile);
        Note(notes, $"removed a stale postmaster.pid (process {(lines.Length > 0 ? lines[0] : "?")} no longer runs)");
        return null;
    }

    private static bool IsPostgresProcess(int pid)
    {
        // /proc tells whether the pid is alive and is a PostgreSQL server, not a reused pid.
        var comm = $"/proc/{pid}/comm";
        try
        {
            return File.Exists(comm) && File.ReadAllText(comm).Trim() is "postgres" or "postmaster";
        }
        catch (IOException)
        {
            return false;
        }
    }

    private async Task<int> StartAsync(PostgresBinaries binaries, List<string> notes, CancellationToken cancellationToken)
    {
        var preferred = File.Exists(PortFile) && int.TryParse(await File.ReadAllTextAsync(PortFile, cancellationToken), CultureInfo.InvariantCulture, out var last)
            ? last
            : _options.PreferredPort;
        var port = preferred;
        const int attempts = 5;
        for (var attempt = 1; ; attempt++)
        {
            if (!IsPortFree(port))
            {
                var next = FindFreePort(port + 1);
                Note(notes, $"port {port} is taken by another process; using port {next}");
                port = next;
            }
            var result = await ProcessRunner.RunAsync(RunAs, binaries.PgCtl, StartArguments(port), _options.StartTimeout + TimeSpan.FromSeconds(10));
            if (result.ExitCode == 0)
            {
                return port;
            }
            var log = TailOfLog();
            if (attempt >= attempts)
            {
                throw new LocalPostgresException(
                    $"PostgreSQL did not start on port {port} (data in {_options.DataDirectory}): {result.Output}\n{log}");
            }
            if (RunningPort(notes) is { } started)
            {
                // pg_ctl gave up waiting but the server came up after all.
                return started;
            }
            if (log.Contains("could not bind", StringComparison.Ordinal) || log.Contains("Address already in use", StringComparison.Ordinal))
            {
                // Someone took the port between the check and the start: move on.
                port = FindFreePort(port + 1);
            }
            else
            {
                // Children of a killed server may hold its shared memory for a moment after it died.
                await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt), cancellationToken);
            }
        }
    }

    private List<string> StartArguments(int port)
    {
        var options = new List<string>
        {
            $"-p {port}",
            "-c listen_addresses=127.0.0.1",
            "-c unix_socket_directories=''",
        };
        if (!_options.Durable)
        {
            options.Add("-c fsync=off");
            options.Add("-c synchronous_commit=off");
            options.Add("-c full_page_writes=off");
        }
        options.AddRange(_options.Settings.Select(s => $"-c {s.Key}={s.Value}"));
        return
        [
            "start", "-D", _options.DataDirectory, "-l", LogFile, "-w",
            "-t", ((int)_options.StartTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            "-o", string.Join(' ', options),
        ];
    }

    private string TailOfLog()
    {
        try
        {
            return File.Exists(LogFile) ? string.Join('\n', File.ReadLines(LogFile).TakeLast(15)) : "";
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>True when nothing listens on the port on loopback.</summary>
    public static bool IsPortFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, false);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FindFreePort(int from)
    {
        for (var port = from; port < Math.Min(from + 200, 65535); port++)
        {
            if (IsPortFree(port))
            {
                return port;
            }
        }
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var any = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return any;
    }

    private static async Task EnsureDatabaseAsync(string adminConnectionString, string database, CancellationToken cancellationToken)
    {
        // Unpooled: a pooled connection would outlive a restart of the server and fail the next start.
        var unpooled = new NpgsqlConnectionStringBuilder(adminConnectionString) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(unpooled);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.Add(new NpgsqlParameter { Value = database });
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(database)}", connection);
            try
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Created by a concurrent starter: what we wanted.
            }
        }
    }

    internal static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
