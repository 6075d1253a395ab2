using Crm.EventStore.Projections;
using Crm.Projections.Daemon;
using Crm.Tests.Api.GraphQL;
using Crm.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Tests.Api.Application;

/// <summary>The service runs the inline read models in the append and the async ones with its daemon.</summary>
public sealed class ProjectionHostingTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task TheHostsDaemon_LeadsTheAsyncReadModels_AndCatchesUpWithTheLog()
    {
        using var scenario = new Scenario(host.Api);
        await scenario.CustomerAsync("Dana Daemon");
        var daemon = host.Api.Services.GetRequiredService<Crm.Api.Application.ProjectionDaemonService>().Daemon;

        await host.Api.WaitForProjectionsAsync();

        var statuses = (await daemon.GetStatusAsync()).Where(s => s.Kind == ProjectionKind.Async).ToList();
        Assert.Equal(CrmReadModels.AsyncProjectionNames.Order(), statuses.Select(s => s.Name).Order());
        Assert.All(statuses, s => Assert.Equal(daemon.InstanceId, s.Owner));
        Assert.All(statuses, s => Assert.Equal(0, s.LagEvents));
        Assert.Equal(CrmReadModels.InlineProjectionNames.Order(), host.Api.Services.GetRequiredService<ProjectionRegistry>().Names.Except(CrmReadModels.AsyncProjectionNames).Order());
    }
}
