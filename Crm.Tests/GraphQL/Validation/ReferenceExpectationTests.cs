using Crm.GraphQL.Language;
using Crm.GraphQL.Validation;

namespace Crm.Tests.GraphQL.Validation;

/// <summary>
/// Every case of TestData/validation-cases.json, validated with all rules, must give exactly the
/// errors (messages and locations) the reference implementation gives — or, where a case says why,
/// what the September 2025 specification requires. Error order is not compared.
/// </summary>
public sealed class ReferenceExpectationTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in ValidationTestData.Cases)
        {
            data.Add(c.Rule, c.Name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Document_GivesTheReferenceErrors(string rule, string name)
    {
        var testCase = ValidationTestData.Cases.Single(c => c.Rule == rule && c.Name == name);
        var schema = ValidationTestData.Schema(testCase.Schema);

        var errors = DocumentValidator.Validate(schema, Parser.Parse(testCase.Document));

        var actual = errors
            .Select(e => Describe(e.Message, (e.Locations ?? []).Select(l => (l.Line, l.Column))))
            .Order(StringComparer.Ordinal)
            .ToList();
        var expected = testCase.Errors
            .Select(e => Describe(e.Message, e.Locations.Select(l => (l[0], l[1]))))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expected, actual);
    }

    private static string Describe(string message, IEnumerable<(int Line, int Column)> locations) =>
        message + " @ " + string.Join(" ", locations.Select(l => $"{l.Line}:{l.Column}"));
}
