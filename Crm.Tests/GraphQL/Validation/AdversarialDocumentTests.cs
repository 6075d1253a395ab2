using System.Text;
using Crm.GraphQL;
using Crm.GraphQL.Language;
using Crm.GraphQL.Validation;

namespace Crm.Tests.GraphQL.Validation;

/// <summary>
/// Documents built to make a naive Field Selection Merging check explode (2^20 field comparisons
/// and more) must still validate; the deadline is generous because the machine is shared — a
/// naive implementation would not finish within hours, let alone seconds.
/// </summary>
public sealed class AdversarialDocumentTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly ParserOptions Unlimited = new() { MaxTokens = 1_000_000, MaxFields = 100_000 };

    [Fact]
    public async Task FragmentsDoublingTwentyLevelsDeep_AreCheckedWithoutExpansion()
    {
        var errors = await ValidateWithinDeadline(DoublingFragments(levels: 20, bottomG: "mood", bottomH: "mood"));

        Assert.Empty(errors);
    }

    [Fact]
    public async Task FragmentsDoublingTwentyLevelsDeep_WithAConflictAtTheBottom_ReportItOnce()
    {
        var errors = await ValidateWithinDeadline(DoublingFragments(levels: 20, bottomG: "mood", bottomH: "mood: now"));

        var error = Assert.Single(errors);
        Assert.StartsWith("Fields \"deep\" conflict because subfields \"deep\" conflict because", error.Message, StringComparison.Ordinal);
        Assert.Contains("subfields \"mood\" conflict because \"mood\" and \"now\" are different fields", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FragmentsSpreadingTwoFragmentsEachTwentyLevelsDeep_AreCheckedWithoutExpansion()
    {
        var document = new StringBuilder("{ ...F0 ...G0 }\n");
        for (var i = 0; i < 20; i++)
        {
            document.Append($"fragment F{i} on Query {{ ...F{i + 1} ...G{i + 1} deep {{ ...F{i + 1} }} }}\n");
            document.Append($"fragment G{i} on Query {{ ...G{i + 1} ...F{i + 1} deep {{ ...G{i + 1} }} }}\n");
        }
        document.Append("fragment F20 on Query { mood }\nfragment G20 on Query { mood }\n");

        var errors = await ValidateWithinDeadline(document.ToString());

        Assert.Empty(errors);
    }

    [Fact]
    public async Task TwoThousandIdenticalFieldsWithSelections_Merge()
    {
        var errors = await ValidateWithinDeadline("{ " + string.Concat(Enumerable.Repeat("deep { mood args { int(v: 1) } } ", 2000)) + "}");

        Assert.Empty(errors);
    }

    /// <summary>Fields sharing a response name are compared pairwise (as in the reference implementation): quadratic, never worse.</summary>
    [Fact]
    public async Task AThousandFieldsWithOneResponseNameAndDistinctSelections_Merge()
    {
        var errors = await ValidateWithinDeadline("{ " + string.Concat(Enumerable.Range(0, 1000).Select(i => $"deep {{ m{i}: mood }} ")) + "}");

        Assert.Empty(errors);
    }

    [Fact]
    public async Task TwoThousandPairwiseConflictingFields_StopAtTheErrorLimit()
    {
        var errors = await ValidateWithinDeadline("{ args { " + string.Concat(Enumerable.Range(0, 2000).Select(i => $"int(v: {i}) ")) + "} }");

        Assert.Equal(DocumentValidator.DefaultMaxErrors + 1, errors.Count);
        Assert.Equal("Fields \"int\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", errors[0].Message);
        Assert.Equal("Too many validation errors, error limit reached. Validation aborted.", errors[^1].Message);
    }

    [Fact]
    public async Task DeeplyNestedConflictingSelections_ReportEachPairOnce()
    {
        // Two copies of a 150 level deep selection that differ at the bottom.
        static string Nested(string leaf) => string.Concat(Enumerable.Repeat("deep { ", 150)) + leaf + new string('}', 150);

        var errors = await ValidateWithinDeadline("{ " + Nested("x: mood") + " " + Nested("x: now") + " }");

        var error = Assert.Single(errors);
        Assert.Equal(2 * 151, error.Locations!.Count);
    }

    /// <summary>
    /// G(i) and H(i) each select <c>deep</c> twice with both G(i+1) and H(i+1) inside: expanded,
    /// the selection holds 2^levels copies of the bottom fields.
    /// </summary>
    private static string DoublingFragments(int levels, string bottomG, string bottomH)
    {
        var document = new StringBuilder("{ ...G0 ...H0 }\n");
        for (var i = 0; i < levels; i++)
        {
            foreach (var name in new[] { "G", "H" })
            {
                document.Append($"fragment {name}{i} on Query {{ deep {{ ...G{i + 1} ...H{i + 1} }} deep {{ ...H{i + 1} ...G{i + 1} }} }}\n");
            }
        }
        document.Append($"fragment G{levels} on Query {{ {bottomG} }}\nfragment H{levels} on Query {{ {bottomH} }}\n");
        return document.ToString();
    }

    private static async Task<IReadOnlyList<GraphQLError>> ValidateWithinDeadline(string source)
    {
        var document = Parser.Parse(source, Unlimited);
        var schema = ValidationTestData.Schema();
        using var deadline = new CancellationTokenSource(Deadline);
        return await Task.Run(() => DocumentValidator.Validate(schema, document), deadline.Token).WaitAsync(deadline.Token);
    }
}
