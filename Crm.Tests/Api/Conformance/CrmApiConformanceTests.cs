using System.Net;
using System.Net.Http.Headers;
using Crm.Api.Auth;
using Crm.Tests.Architecture;
using Crm.Tests.Infrastructure;

namespace Crm.Tests.Api.Conformance;

/// <summary>The CRM API, served by Kestrel with a token, checked by tools nobody here wrote: the graphql-http audit and graphql-js.</summary>
public sealed class CrmApiConformanceTests(KestrelApiHost host) : IClassFixture<KestrelApiHost>
{
    [Fact]
    public async Task GraphQLHttpAudit_PassesEveryMustAndShould_WithAToken()
    {
        var result = await NodeTools.RunAsync("audit.mjs", host.Url, host.Token(ActorRoles.Agent));

        var notPassing = result.Output.Split('\n')
            .Where(line => line.Contains("\"name\":\"MUST", StringComparison.Ordinal) || line.Contains("\"name\":\"SHOULD", StringComparison.Ordinal))
            .Where(line => !line.Contains("\"status\":\"ok\"", StringComparison.Ordinal))
            .ToList();
        Assert.True(result.ExitCode == 0 && notPassing.Count == 0,
            $"graphql-http audit (exit {result.ExitCode}):\n{string.Join('\n', notPassing)}\n{result.Error}");
        Assert.Contains("MUST/SHOULD not passing: 0", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GraphQLJs_AcceptsTheIntrospection_AndPrintsExactlyTheServedSdl()
    {
        var token = host.Token(ActorRoles.Service);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var served = await http.GetStringAsync(new Uri(host.Url + "/schema.graphql"));

        var result = await NodeTools.RunAsync("client-schema.mjs", host.Url, token);

        Assert.True(result.ExitCode == 0, $"graphql-js refused the introspection: {result.Error}");
        Assert.Equal(served.TrimEnd(), result.Output.TrimEnd());
        Assert.Equal(
            File.ReadAllText(Path.Combine(ProjectReferenceTests.RepositoryRoot(), "Crm.Api", "schema.graphql")).ReplaceLineEndings("\n").TrimEnd(),
            served.ReplaceLineEndings("\n").TrimEnd());
    }

    [Fact]
    public async Task WithoutAToken_TheRealServerAnswers401()
    {
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(host.Url), new StringContent("""{"query":"{ __typename }"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
