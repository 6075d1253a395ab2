namespace Crm.Api.LocalDatabase;

/// <summary>Where and how the private PostgreSQL cluster lives.</summary>
public sealed record LocalPostgresOptions
{
    /// <summary>The cluster's data directory (created by initdb on first start).</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The port tried first; if another process holds it, the next free one is used.</summary>
    public int PreferredPort { get; init; } = 54329;

    /// <summary>Folder holding initdb and pg_ctl; discovered on PATH and under /usr/lib/postgresql when null.</summary>
    public string? BinDirectory { get; init; }

    /// <summary>The database the application uses; created when missing.</summary>
    public string Database { get; init; } = "crm";

    /// <summary>Skip fsync in initdb and the server: for throwaway test clusters only.</summary>
    public bool Durable { get; init; } = true;

    /// <summary>How long a start may take before it is reported as failed.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Extra server settings passed as <c>-c name=value</c>.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>The OS user that runs PostgreSQL when this process is root.</summary>
    public string ServiceUser { get; init; } = "postgres";
}
