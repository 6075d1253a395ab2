using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using Crm.Api.Auth;
using Crm.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Crm.Tests.Api.Auth;

public sealed class AuthTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static readonly Uri WhoAmI = new("/auth/whoami", UriKind.Relative);
    private readonly ApiFactory _api = host.Api;

    [Fact]
    public async Task NoToken_IsRefusedWith401()
    {
        using var response = await _api.CreateClient().GetAsync(WhoAmI);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task HealthEndpoints_AnswerWithoutAToken()
    {
        using var client = _api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task ValidToken_NamesTheActor()
    {
        var id = Guid.CreateVersion7();
        using var client = _api.ClientFor(ActorRoles.Supervisor, "Ann Lee", id);

        var me = await client.GetFromJsonAsync<Dictionary<string, string>>(WhoAmI);

        Assert.Equal(id.ToString(), me!["id"]);
        Assert.Equal("Ann Lee", me["name"]);
        Assert.Equal("Supervisor", me["role"]);
    }

    [Fact]
    public async Task TokenSignedWithAnotherKey_IsRefused()
    {
        var otherKey = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32));
        var token = new TokenIssuer(otherKey, new AuthOptions()).Issue(Guid.CreateVersion7(), "Mallory", ActorRoles.Manager, TimeSpan.FromHours(1), DateTimeOffset.UtcNow);

        using var response = await Send(token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ExpiredToken_IsRefused()
    {
        var key = new SymmetricSecurityKey(Convert.FromBase64String(_api.SigningKey));
        var token = new TokenIssuer(key, new AuthOptions()).Issue(Guid.CreateVersion7(), "Late", ActorRoles.Agent, TimeSpan.FromMinutes(5), DateTimeOffset.UtcNow.AddHours(-2));

        using var response = await Send(token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("Janitor", "8d5a1c1e-6a43-4a57-9a0d-6f1f3c1f0b11")]
    [InlineData("Agent", "not-a-guid")]
    public async Task TokenWithUnknownRoleOrBadActorId_IsRefused(string role, string subject)
    {
        var key = new SymmetricSecurityKey(Convert.FromBase64String(_api.SigningKey));
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "crm",
            Audience = "crm-api",
            Expires = DateTime.UtcNow.AddHours(1),
            Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("name", "X"), new Claim("role", role)]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });

        using var response = await Send(token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<HttpResponseMessage> Send(string token)
    {
        using var client = _api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync(WhoAmI);
    }
}
