using Crm.GraphQL.Execution;
using Crm.GraphQL.Transport;
using Crm.GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Crm.Tests.GraphQL.Transport;

/// <summary>A real Kestrel server on 127.0.0.1 (a free port) serving the conformance schema, for tools that speak HTTP.</summary>
public sealed class LoopbackGraphQLServer : IAsyncLifetime
{
    private WebApplication? _app;

    public Schema Schema { get; } = ConformanceSchema.Build();

    public string Url { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddGraphQLExecutor(Schema);
        _app = builder.Build();
        _app.MapGraphQL("/graphql");
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Url = address.TrimEnd('/') + "/graphql";
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
