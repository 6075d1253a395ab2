using Crm.GraphQL.Language;
using Crm.GraphQL.Types;
using Crm.GraphQL.Validation;
using Crm.GraphQL.Validation.Rules;

namespace Crm.Tests.GraphQL.Validation;

public sealed class DocumentValidatorTests
{
    private static readonly Schema Schema = ValidationTestData.Schema();

    [Fact]
    public void ValidDocument_HasNoErrors()
    {
        var errors = DocumentValidator.Validate(Schema, Parser.Parse("query Q($id: ID!) { node(id: $id) { id ... on Cat { name } } }"));

        Assert.Empty(errors);
    }

    [Fact]
    public void Errors_CarryMessageAndLocations_ButNoPath()
    {
        var error = Assert.Single(DocumentValidator.Validate(Schema, Parser.Parse("{\n  cat {\n    whiskers\n  }\n}")));

        Assert.Equal("Cannot query field \"whiskers\" on type \"Cat\".", error.Message);
        Assert.Equal([new Crm.GraphQL.ErrorLocation(3, 5)], error.Locations);
        Assert.Null(error.Path);
    }

    [Fact]
    public void GivenRules_OnlyThoseApply()
    {
        var document = Parser.Parse("query Q($unused: Int) { cat { whiskers } ...Missing }");

        var all = DocumentValidator.Validate(Schema, document);
        var some = DocumentValidator.Validate(Schema, document, [new FieldSelectionsRule()]);

        Assert.Equal(3, all.Count);
        Assert.Equal("Cannot query field \"whiskers\" on type \"Cat\".", Assert.Single(some).Message);
    }

    [Fact]
    public void ErrorLimit_StopsValidation_WithAFinalError()
    {
        var document = Parser.Parse("{ cat { a b c d e f } }");

        var errors = DocumentValidator.Validate(Schema, document, maxErrors: 3);

        Assert.Equal(4, errors.Count);
        Assert.Equal("Too many validation errors, error limit reached. Validation aborted.", errors[3].Message);
        Assert.Equal(6, DocumentValidator.Validate(Schema, document).Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => DocumentValidator.Validate(Schema, document, maxErrors: 0));
    }

    [Fact]
    public void SpecifiedRules_CoverEveryRuleOfTheSpecification()
    {
        var names = DocumentValidator.SpecifiedRules.Select(r => r.GetType().Name).ToHashSet();

        Assert.Equal(30, names.Count);
        Assert.Contains(nameof(FieldSelectionMergingRule), names);
        Assert.Contains(nameof(OperationTypeExistenceRule), names);
    }

    [Fact]
    public void CustomRule_SeesTheSchemaTypesAlongTheWalk()
    {
        var probe = new ProbeRule();
        var document = Parser.Parse("""
            query Q($f: Filter) {
              args { filter(v: {near: {x: 1, y: $y}, tags: ["a"]}) f2: filter(v: $f) }
              pet { ... on Cat { name @include(if: true) } }
            }
            """);

        DocumentValidator.Validate(Schema, document, [probe]);

        Assert.Equal(
        [
            "field args on Query: Arguments",
            "field filter on Arguments: String",
            "value {near: {x: 1, y: $y}, tags: [\"a\"]} as Filter (argument v)",
            "value {x: 1, y: $y} as Point in Filter (field near)",
            "value 1 as Float! in Point (field x)",
            "value $y as Float! in Point (field y)",
            "value [\"a\"] as [String!] in Filter (field tags)",
            "value \"a\" as String! in [String!]",
            "field filter on Arguments: String",
            "value $f as Filter (argument v)",
            "field pet on Query: Pet",
            "field name on Cat: String",
            "directive @include at Field",
            "value true as Boolean! (argument if)",
        ], probe.Seen);
        Assert.Equal(["$y: Float!, parent Point", "$f: Filter"], probe.Usages);
    }

    [Fact]
    public void CustomRule_CanReportItsOwnErrors()
    {
        var document = Parser.Parse("{ deep { deep { deep { mood } } } }");

        var errors = DocumentValidator.Validate(Schema, document, [new MaxDepthRule(2)]);

        var error = Assert.Single(errors);
        Assert.Equal("Selections nest deeper than 2 levels.", error.Message);
        Assert.Equal([new Crm.GraphQL.ErrorLocation(1, 22)], error.Locations);
    }

    [Fact]
    public void NodesWithoutLocations_GiveErrorsWithoutLocations()
    {
        var document = Parser.Parse("{ cat { whiskers } }", new ParserOptions { NoLocations = true });

        var error = Assert.Single(DocumentValidator.Validate(Schema, document));

        Assert.Null(error.Locations);
    }

    [Fact]
    public void DocumentBuiltInCode_NestedBeyondTheStack_IsRefusedCleanly()
    {
        var document = new DocumentNode([new OperationDefinitionNode(OperationType.Query, null, [], [], Nested(100_000))]);

        var errors = DocumentValidator.Validate(Schema, document);

        Assert.Equal("The document is nested too deeply to validate.", errors[^1].Message);
    }

    private static SelectionSetNode Nested(int depth)
    {
        var selectionSet = new SelectionSetNode([new FieldNode(null, new NameNode("mood"), [], [], null)]);
        for (var i = 0; i < depth; i++)
        {
            selectionSet = new SelectionSetNode([new FieldNode(null, new NameNode("deep"), [], [], selectionSet)]);
        }
        return selectionSet;
    }

    /// <summary>Records what the context says at fields, values and directives.</summary>
    private sealed class ProbeRule : IValidationRule
    {
        public List<string> Seen { get; } = [];

        public List<string> Usages { get; } = [];

        public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context, this);

        private sealed class Visitor(ValidationContext context, ProbeRule rule) : ValidationVisitor
        {
            public override void EnterField(FieldNode node) =>
                rule.Seen.Add($"field {node.Name.Value} on {context.ParentType}: {context.Type}");

            public override void EnterDirective(DirectiveNode node) =>
                rule.Seen.Add($"directive @{context.Directive?.Name} at {context.DirectiveLocation}");

            public override void EnterValue(ValueNode node)
            {
                var parent = context.ParentInputType is { } p ? $" in {p}" : string.Empty;
                var definition = context.InputValueDefinition switch
                {
                    ArgumentDefinition a => $" (argument {a.Name})",
                    InputFieldDefinition f => $" (field {f.Name})",
                    _ => string.Empty,
                };
                rule.Seen.Add($"value {Printer.Print(node)} as {context.InputType}{parent}{definition}");
            }

            public override void LeaveDocument(DocumentNode node)
            {
                foreach (var usage in context.GetRecursiveVariableUsages(context.Operations[0]))
                {
                    rule.Usages.Add($"${usage.Node.Name.Value}: {usage.Type}" + (usage.ParentInputObject is { } o ? $", parent {o.Name}" : string.Empty));
                }
            }
        }
    }

    private sealed class MaxDepthRule(int maxDepth) : IValidationRule
    {
        public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context, maxDepth);

        private sealed class Visitor(ValidationContext context, int maxDepth) : ValidationVisitor
        {
            private int _depth;

            public override void EnterSelectionSet(SelectionSetNode node)
            {
                if (++_depth == maxDepth + 2)
                {
                    context.ReportError($"Selections nest deeper than {maxDepth} levels.", node);
                }
            }

            public override void LeaveSelectionSet(SelectionSetNode node) => _depth--;
        }
    }
}
