using System.Net.Http.Headers;
using System.Security.Cryptography;
using Crm.Api.Auth;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Tests.Infrastructure;

/// <summary>
/// The real host (its whole ASP.NET Core pipeline) on a TestServer, pointed at a given database,
/// with a signing key of its own; hands out clients that carry a token for a role.
/// </summary>
public sealed class ApiFactory(string connectionString) : WebApplicationFactory<Program>
{
    public string SigningKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Crm", connectionString);
        builder.UseSetting("Crm:Auth:SigningKey", SigningKey);
    }

    /// <summary>A token for an actor of the role, signed with this host's key.</summary>
    public string Token(string role, string name = "Test Actor", Guid? id = null) =>
        Services.GetRequiredService<TokenIssuer>().Issue(id ?? Guid.CreateVersion7(), name, role, TimeSpan.FromHours(1), DateTimeOffset.UtcNow);

    /// <summary>Waits until the projection daemon has applied every event appended so far to the async read models.</summary>
    public Task WaitForProjectionsAsync() =>
        Services.GetRequiredService<Crm.Api.Application.ProjectionDaemonService>().Daemon.WaitForCatchUpAsync(TimeSpan.FromSeconds(30));

    /// <summary>A client whose requests carry a bearer token for the role.</summary>
    public HttpClient ClientFor(string role, string name = "Test Actor", Guid? id = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(role, name, id));
        return client;
    }
}
