using Crm.GraphQL.Types;
using Crm.Tests.Infrastructure;

namespace Crm.Tests.GraphQL.Transport;

/// <summary>The engine checked by tools nobody here wrote: the graphql-http audit suite and graphql-js.</summary>
public sealed class ConformanceTests(LoopbackGraphQLServer server) : IClassFixture<LoopbackGraphQLServer>
{
    [Fact]
    public async Task GraphQLHttpAudit_PassesEveryMustAndShould()
    {
        var result = await NodeTools.RunAsync("audit.mjs", server.Url);

        var notPassing = result.Output.Split('\n')
            .Where(line => line.Contains("\"name\":\"MUST", StringComparison.Ordinal) || line.Contains("\"name\":\"SHOULD", StringComparison.Ordinal))
            .Where(line => !line.Contains("\"status\":\"ok\"", StringComparison.Ordinal))
            .ToList();
        Assert.True(result.ExitCode == 0 && notPassing.Count == 0,
            $"graphql-http audit (exit {result.ExitCode}):\n{string.Join('\n', notPassing)}\n{result.Error}");
        Assert.Contains("MUST/SHOULD not passing: 0", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GraphQLJs_BuildsAValidClientSchemaFromTheIntrospection_ThatPrintsAsOurSdl()
    {
        var result = await NodeTools.RunAsync("client-schema.mjs", server.Url);

        Assert.True(result.ExitCode == 0, $"graphql-js refused the introspection: {result.Error}");
        Assert.Equal(SchemaPrinter.Print(server.Schema).TrimEnd(), result.Output.TrimEnd());
    }
}
