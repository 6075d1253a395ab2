using System.Net;
using System.Net.Sockets;
using Crm.Api.LocalDatabase;
using Crm.Tests.Infrastructure;
using Npgsql;

namespace Crm.Tests.Api.Hosting;

public sealed class HealthEndpointTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crm-health-test-").FullName;
    private LocalPostgresCluster _cluster = null!;
    private LocalPostgresInstance _instance = null!;

    public async Task InitializeAsync()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _cluster = new LocalPostgresCluster(new LocalPostgresOptions
        {
            DataDirectory = Path.Combine(_folder, "postgres"),
            PreferredPort = port,
            Durable = false,
        });
        _instance = await _cluster.EnsureStartedAsync();
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await _cluster.StopAsync(immediate: true);
        Directory.Delete(_folder, recursive: true);
    }

    private ApiFactory Host() => new(_instance.ConnectionString);

    [Fact]
    public async Task Live_AnswersOk_WithoutAToken_WhenTheProcessIsUp()
    {
        await using var host = Host();
        using var response = await host.CreateClient().GetAsync(new Uri("/health/live", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_Follows_PostgreSQL_GoingAwayAndComingBack_WithoutARestart()
    {
        await using var host = Host();
        using var client = host.CreateClient();
        var ready = new Uri("/health/ready", UriKind.Relative);

        using (var up = await client.GetAsync(ready))
        {
            Assert.Equal(HttpStatusCode.OK, up.StatusCode);
        }

        await _cluster.StopAsync();
        using (var down = await client.GetAsync(ready))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.Contains("PostgreSQL is not answering", await down.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        await _cluster.EnsureStartedAsync();
        using var back = await client.GetAsync(ready);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }
}
