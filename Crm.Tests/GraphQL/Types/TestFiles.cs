using Crm.Tests.Architecture;

namespace Crm.Tests.GraphQL.Types;

/// <summary>Reads the committed test data next to these tests.</summary>
internal static class TestFiles
{
    public static string Read(string relativePath) =>
        File.ReadAllText(Path.Combine(ProjectReferenceTests.RepositoryRoot(), "Crm.Tests", "GraphQL", relativePath));
}
