namespace Crm.Tests.GraphQL.Language;

/// <summary>Reads the committed test documents straight from the source tree.</summary>
internal static class LanguageTestData
{
    public static string Read(string fileName) =>
        File.ReadAllText(Path.Combine(RepositoryRoot(), "Crm.Tests", "GraphQL", "Language", "TestData", fileName)).ReplaceLineEndings("\n");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Crm.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Crm.sln not found above the test assembly.");
    }
}
