using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Crm.GraphQL.Execution;
using Crm.GraphQL.Transport;
using Crm.GraphQL.Types;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crm.Tests.GraphQL.Transport;

/// <summary>GraphQL over HTTP through the real ASP.NET Core pipeline (TestServer).</summary>
public sealed class HttpTransportTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        (_app, _client) = await StartAsync(new GraphQLHttpOptions { MaxRequestBytes = 4096 });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Post_Query_AnswersDataAsGraphQLResponseJson()
    {
        using var response = await PostAsync("""{"query":"{ hello(name: \"Ann\") }"}""", MediaTypes.GraphQLResponse);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphql-response+json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("""{"data":{"hello":"Hello, Ann!"}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_Query_WithVariables_Works()
    {
        var query = Uri.EscapeDataString("query($n: String) { hello(name: $n) }");
        var variables = Uri.EscapeDataString("""{"n":"Bo"}""");

        using var response = await _client.GetAsync(new Uri($"/graphql?query={query}&variables={variables}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"data":{"hello":"Hello, Bo!"}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_Mutation_IsRefusedWith405_AndAllowPost_AndNothingRuns()
    {
        var query = Uri.EscapeDataString("mutation { addBook(title: \"X\", genre: FICTION) { id } }");

        using var response = await _client.GetAsync(new Uri($"/graphql?query={query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", response.Content.Headers.Allow.Single());
        Assert.DoesNotContain("\"data\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherMethods_AreRefusedWith405_NamingTheAllowedOnes()
    {
        using var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/graphql") { Content = new StringContent("{}", Encoding.UTF8, "application/json") });

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow.ToArray());
    }

    [Theory]
    [InlineData("""{ "not json""", "not valid JSON")]
    [InlineData("""["query"]""", "must be a JSON object")]
    [InlineData("""{"query": 42}""", "'query' parameter must be a string")]
    [InlineData("""{"qeury": "{ hello }"}""", "'query' parameter is missing")]
    [InlineData("""{"query": "{ hello }", "variables": "x"}""", "'variables' parameter must be a JSON object")]
    [InlineData("""{"query": "{ hello }", "operationName": 3}""", "'operationName' parameter must be a string")]
    public async Task MalformedRequests_Get400_WithAMessageThatNamesTheProblem(string body, string expected)
    {
        using var response = await PostAsync(body, MediaTypes.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0];
        Assert.Contains(expected, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("BAD_REQUEST", error.GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task ValidationError_Is200WithJson_And400WithGraphQLResponseJson_WithoutData()
    {
        const string body = """{"query":"{ nope }"}""";

        using var json = await PostAsync(body, MediaTypes.Json);
        using var graphql = await PostAsync(body, MediaTypes.GraphQLResponse);

        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, graphql.StatusCode);
        var result = JsonDocument.Parse(await graphql.Content.ReadAsStringAsync()).RootElement;
        Assert.False(result.TryGetProperty("data", out _));
        Assert.Contains("nope", result.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingContentType_Is415()
    {
        using var content = new ByteArrayContent("""{"query":"{ hello }"}"""u8.ToArray());
        using var response = await _client.PostAsync(new Uri("/graphql", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task BodyOverTheLimit_Is413_AndNotExecuted()
    {
        var body = "{\"query\":\"{ hello }\",\"extensions\":{\"pad\":\"" + new string('x', 8000) + "\"}}";

        using var response = await PostAsync(body, MediaTypes.Json);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task UnacceptableAccept_Is406()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("""{"query":"{ hello }"}""", Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/xml"));

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Fact]
    public async Task Browser_GetsTheIde_AndTheSdlIsServed()
    {
        using var page = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        page.Headers.Accept.ParseAdd("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
        using var ide = await _client.SendAsync(page);
        using var sdl = await _client.GetAsync(new Uri("/graphql/schema.graphql", UriKind.Relative));

        Assert.Equal("text/html", ide.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<title>GraphQL IDE</title>", await ide.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, sdl.StatusCode);
        Assert.Equal(SchemaPrinter.Print(_app.Services.GetRequiredService<IRequestExecutor>().Schema), await sdl.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AuthorizationPolicy_Gives401WithoutAUser_403ToTheWrongUser_AndServesTheRightOne()
    {
        var policy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole("reader").Build();
        var (app, client) = await StartAsync(new GraphQLHttpOptions { AuthorizationPolicy = policy });
        await using var _ = app;
        using var __ = client;

        using var anonymous = await PostAsync(client, """{"query":"{ hello }"}""", MediaTypes.Json);
        using var wrong = await PostAsync(client, """{"query":"{ hello }"}""", MediaTypes.Json, role: "writer");
        using var right = await PostAsync(client, """{"query":"{ hello }"}""", MediaTypes.Json, role: "reader");
        using var sdl = await client.GetAsync(new Uri("/graphql/schema.graphql", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, sdl.StatusCode);
    }

    private Task<HttpResponseMessage> PostAsync(string body, string accept) => PostAsync(_client, body, accept);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string accept, string? role = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd(accept);
        if (role is not null)
        {
            request.Headers.Add(HeaderAuthentication.Header, role);
        }
        return await client.SendAsync(request);
    }

    private static async Task<(WebApplication, HttpClient)> StartAsync(GraphQLHttpOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddGraphQLExecutor(ConformanceSchema.Build());
        builder.Services.AddAuthentication(HeaderAuthentication.SchemeName).AddScheme<AuthenticationSchemeOptions, HeaderAuthentication>(HeaderAuthentication.SchemeName, null);
        builder.Services.AddAuthorization();
        var app = builder.Build();
        app.UseAuthentication();
        app.MapGraphQL("/graphql", options);
        await app.StartAsync();
        return (app, app.GetTestClient());
    }

    /// <summary>Authenticates a request whose X-Test-Role header names a role: enough to exercise authorization.</summary>
    private sealed class HeaderAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, System.Text.Encodings.Web.UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "Test";
        public const string Header = "X-Test-Role";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(Header, out var role))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "tester"), new Claim(ClaimTypes.Role, role.ToString())], SchemeName);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
    }
}
