namespace Crm.Api.LocalDatabase;

/// <summary>A running local cluster and how it came to be running.</summary>
/// <param name="Port">The TCP port on 127.0.0.1 it listens on.</param>
/// <param name="ConnectionString">A connection string to the application database.</param>
/// <param name="AdminConnectionString">A connection string to the <c>postgres</c> maintenance database.</param>
/// <param name="Initialized">True when this call ran initdb (the first start).</param>
/// <param name="WasRunning">True when the cluster was already running and was reused as is.</param>
/// <param name="Notes">What was repaired or chosen on the way (a stale pid file removed, another port taken).</param>
public sealed record LocalPostgresInstance(
    int Port,
    string ConnectionString,
    string AdminConnectionString,
    bool Initialized,
    bool WasRunning,
    IReadOnlyList<string> Notes);
