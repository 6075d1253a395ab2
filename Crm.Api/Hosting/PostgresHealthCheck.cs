using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Crm.Api.Hosting;

/// <summary>Ready only when PostgreSQL answers a query.</summary>
internal sealed class PostgresHealthCheck(NpgsqlDataSource dataSource, ILogger<PostgresHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(timeout.Token);
            return HealthCheckResult.Healthy("PostgreSQL answers.");
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException or System.Net.Sockets.SocketException)
        {
            // Pooled connections to a server that went away are dead; drop them so the next
            // check (after PostgreSQL is back) opens fresh ones instead of failing again.
            dataSource.Clear();
            var reason = ex is OperationCanceledException ? "no answer within 3 s" : ex.Message;
            LogMessages.DatabaseUnavailable(logger, reason);
            return HealthCheckResult.Unhealthy($"PostgreSQL is not answering: {reason}");
        }
    }
}
