using System.Security.Cryptography;
using Crm.Api.Auth;
using Crm.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Tests.Api.Conformance;

/// <summary>The real CRM host on a real Kestrel server at 127.0.0.1 (a free port), with a database of its own, for tools that speak HTTP.</summary>
public sealed class KestrelApiHost : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();
    private Factory? _factory;

    /// <summary>The GraphQL endpoint's absolute URL.</summary>
    public string Url { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _factory = new Factory(_database.ConnectionString);
        _factory.UseKestrel();
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Url = address.TrimEnd('/') + "/graphql";
    }

    /// <summary>A token for an actor of the role, signed with this host's key.</summary>
    public string Token(string role) =>
        _factory!.Services.GetRequiredService<TokenIssuer>().Issue(Guid.CreateVersion7(), $"A {role}", role, TimeSpan.FromHours(1), DateTimeOffset.UtcNow);

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        await _database.DisposeAsync();
    }

    private sealed class Factory(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:Crm", connectionString);
            builder.UseSetting("Crm:Auth:SigningKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            builder.UseSetting("urls", "http://127.0.0.1:0");
        }
    }
}
