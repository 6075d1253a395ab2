using System.Text.Json;
using Crm.GraphQL.Language;
using Crm.GraphQL.Types;

namespace Crm.Tests.GraphQL.Validation;

/// <summary>The committed schemas and reference expectations, read from the source tree.</summary>
internal static class ValidationTestData
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };
    private static readonly Lazy<List<ValidationCase>> LazyCases = new(LoadCases);
    private static readonly Dictionary<string, Schema> Schemas = [];

    public static IReadOnlyList<ValidationCase> Cases => LazyCases.Value;

    public static Schema Schema(string name = "schema")
    {
        lock (Schemas)
        {
            if (!Schemas.TryGetValue(name, out var schema))
            {
                schema = SchemaBuilder.FromDocument(Parser.Parse(Read(name + ".graphql"))).Build();
                Schemas[name] = schema;
            }
            return schema;
        }
    }

    private static List<ValidationCase> LoadCases() =>
        JsonSerializer.Deserialize<List<ValidationCase>>(Read("validation-cases.json"), JsonOptions)!;

    private static string Read(string fileName) =>
        File.ReadAllText(Path.Combine(RepositoryRoot(), "Crm.Tests", "GraphQL", "Validation", "TestData", fileName)).ReplaceLineEndings("\n");

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

internal sealed record ValidationCase(string Rule, string Name, string Schema, string Document, List<ExpectedError> Errors, string? Reason);

internal sealed record ExpectedError(string Message, List<List<int>> Locations);
