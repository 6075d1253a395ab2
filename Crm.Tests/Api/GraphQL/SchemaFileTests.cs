using System.Net;
using Crm.Api.Auth;
using Crm.Tests.Architecture;
using Crm.Tests.Infrastructure;

namespace Crm.Tests.Api.GraphQL;

/// <summary>The committed SDL (Crm.Api/schema.graphql) is exactly what the API serves, so every schema change shows in review.</summary>
public sealed class SchemaFileTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string UpdateVariable = "CRM_UPDATE_SCHEMA";

    [Fact]
    public async Task ServedSchema_IsTheCommittedSchemaFile()
    {
        using var client = host.Api.ClientFor(ActorRoles.Agent);
        using var response = await client.GetAsync(new Uri("/graphql/schema.graphql", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var served = (await response.Content.ReadAsStringAsync()).ReplaceLineEndings("\n");
        var path = Path.Combine(ProjectReferenceTests.RepositoryRoot(), "Crm.Api", "schema.graphql");

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(path, served);
        }
        var committed = File.Exists(path) ? (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n") : "";

        Assert.True(served == committed, Difference(committed, served));
    }

    [Fact]
    public async Task SchemaFile_NeedsAToken()
    {
        using var client = host.Api.CreateClient();
        using var response = await client.GetAsync(new Uri("/graphql/schema.graphql", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static string Difference(string committed, string served)
    {
        var left = committed.Split('\n');
        var right = served.Split('\n');
        var line = 0;
        while (line < left.Length && line < right.Length && left[line] == right[line])
        {
            line++;
        }
        return $"""
            The served schema differs from Crm.Api/schema.graphql, first at line {line + 1}:
              committed: {(line < left.Length ? left[line] : "(end of file)")}
              served:    {(line < right.Length ? right[line] : "(end of file)")}
            If the change is intended, run this to update the file, and commit it:
              {UpdateVariable}=1 dotnet test Crm.Tests --filter "FullyQualifiedName~Crm.Tests.Api.GraphQL.SchemaFileTests"
            """;
    }
}
