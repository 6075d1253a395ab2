using System.Reflection;
using System.Text.RegularExpressions;
using Crm.Domain.Common;
using Crm.Tests.Architecture;

namespace Crm.Tests.Domain.Common;

public sealed partial class DomainErrorsTests
{
    private static List<string> Codes() =>
        typeof(DomainErrors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

    [Fact]
    public void EveryCode_IsUniqueAndShapedAreaDotName()
    {
        var codes = Codes();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, code => Assert.Matches(CodeShape(), code));
    }

    [Fact]
    public void EveryCode_HasAMeaningInTheCatalog_AndTheCatalogHasNoOthers()
    {
        var codes = Codes();

        Assert.Equal(codes.Order(StringComparer.Ordinal), DomainErrors.Catalog.Keys.Order(StringComparer.Ordinal));
        Assert.All(DomainErrors.Catalog.Values, meaning => Assert.False(string.IsNullOrWhiteSpace(meaning)));
    }

    [Fact]
    public void EveryCode_IsListedInTheDomainReadme()
    {
        var readme = File.ReadAllText(Path.Combine(ProjectReferenceTests.RepositoryRoot(), "Crm.Domain", "README.md"));

        Assert.All(Codes(), code => Assert.Contains($"`{code}`", readme, StringComparison.Ordinal));
    }

    [GeneratedRegex("^[a-z]+\\.[a-z]+(_[a-z]+)*$")]
    private static partial Regex CodeShape();
}
