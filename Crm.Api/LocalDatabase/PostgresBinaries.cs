namespace Crm.Api.LocalDatabase;

/// <summary>The PostgreSQL server programs the local cluster needs.</summary>
public sealed record PostgresBinaries(string InitDb, string PgCtl)
{
    /// <summary>
    /// Finds initdb and pg_ctl: in <paramref name="binDirectory"/> when given, else on PATH, else in
    /// the newest /usr/lib/postgresql/N/bin (where Debian's packages put them, off PATH).
    /// </summary>
    public static PostgresBinaries Locate(string? binDirectory)
    {
        if (binDirectory is not null)
        {
            return FromDirectory(binDirectory) ?? throw new LocalPostgresException(
                $"initdb and pg_ctl were not found in '{binDirectory}'. Point the PostgreSQL bin folder setting at a folder that has both.");
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (FromDirectory(dir) is { } found)
            {
                return found;
            }
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1))
                .Where(x => x.Version >= 15)
                .OrderByDescending(x => x.Version)
                .Select(x => FromDirectory(Path.Combine(x.Dir, "bin")))
                .FirstOrDefault(b => b is not null);
            if (newest is not null)
            {
                return newest;
            }
        }

        throw new LocalPostgresException(
            "The PostgreSQL server programs (initdb, pg_ctl) were not found on PATH or under /usr/lib/postgresql. " +
            "Install the PostgreSQL server (Debian/Ubuntu: apt-get install postgresql), " +
            "or set ConnectionStrings:Crm to an existing PostgreSQL 15+ server.");
    }

    private static PostgresBinaries? FromDirectory(string dir)
    {
        var initDb = Path.Combine(dir, "initdb");
        var pgCtl = Path.Combine(dir, "pg_ctl");
        return File.Exists(initDb) && File.Exists(pgCtl) ? new PostgresBinaries(initDb, pgCtl) : null;
    }
}
