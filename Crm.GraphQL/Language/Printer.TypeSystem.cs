namespace Crm.GraphQL.Language;

public static partial class Printer
{
    private static string PrintTypeSystem(SyntaxNode node) => node switch
    {
        SchemaDefinitionNode n => Description(n.Description) + Join(["schema", Directives(n.Directives), Block(n.OperationTypes.Select(Print))], " "),
        OperationTypeDefinitionNode n => OperationKeyword(n.Operation) + ": " + Print(n.Type),
        ScalarTypeDefinitionNode n => Description(n.Description) + Join(["scalar", Print(n.Name), Directives(n.Directives)], " "),
        ObjectTypeDefinitionNode n => Description(n.Description) + Join(["type", Print(n.Name), Implements(n.Interfaces), Directives(n.Directives), Block(n.Fields.Select(Print))], " "),
        InterfaceTypeDefinitionNode n => Description(n.Description) + Join(["interface", Print(n.Name), Implements(n.Interfaces), Directives(n.Directives), Block(n.Fields.Select(Print))], " "),
        UnionTypeDefinitionNode n => Description(n.Description) + Join(["union", Print(n.Name), Directives(n.Directives), Members(n.Types)], " "),
        EnumTypeDefinitionNode n => Description(n.Description) + Join(["enum", Print(n.Name), Directives(n.Directives), Block(n.Values.Select(Print))], " "),
        InputObjectTypeDefinitionNode n => Description(n.Description) + Join(["input", Print(n.Name), Directives(n.Directives), Block(n.Fields.Select(Print))], " "),
        FieldDefinitionNode n => Description(n.Description) + Print(n.Name) + ArgumentDefinitions(n.Arguments) + ": " + Print(n.Type) + Wrap(" ", Directives(n.Directives)),
        InputValueDefinitionNode n => Description(n.Description) + Join([Print(n.Name) + ": " + Print(n.Type), Wrap("= ", PrintOptional(n.DefaultValue)), Directives(n.Directives)], " "),
        EnumValueDefinitionNode n => Description(n.Description) + Join([Print(n.Name), Directives(n.Directives)], " "),
        DirectiveDefinitionNode n => Description(n.Description) + "directive @" + Print(n.Name) + ArgumentDefinitions(n.Arguments)
            + (n.Repeatable ? " repeatable" : string.Empty) + " on " + Join(n.Locations.Select(Print), " | "),
        SchemaExtensionNode n => Join(["extend schema", Directives(n.Directives), Block(n.OperationTypes.Select(Print))], " "),
        ScalarTypeExtensionNode n => Join(["extend scalar", Print(n.Name), Directives(n.Directives)], " "),
        ObjectTypeExtensionNode n => Join(["extend type", Print(n.Name), Implements(n.Interfaces), Directives(n.Directives), Block(n.Fields.Select(Print))], " "),
        InterfaceTypeExtensionNode n => Join(["extend interface", Print(n.Name), Implements(n.Interfaces), Directives(n.Directives), Block(n.Fields.Select(Print))], " "),
        UnionTypeExtensionNode n => Join(["extend union", Print(n.Name), Directives(n.Directives), Members(n.Types)], " "),
        EnumTypeExtensionNode n => Join(["extend enum", Print(n.Name), Directives(n.Directives), Block(n.Values.Select(Print))], " "),
        InputObjectTypeExtensionNode n => Join(["extend input", Print(n.Name), Directives(n.Directives), Block(n.Fields.Select(Print))], " "),
        _ => throw new ArgumentException($"Unknown syntax node {node.GetType().Name}.", nameof(node)),
    };

    private static string OperationKeyword(OperationType operation) => operation switch
    {
        OperationType.Mutation => "mutation",
        OperationType.Subscription => "subscription",
        _ => "query",
    };

    private static string Implements(IReadOnlyList<NamedTypeNode> interfaces) =>
        Wrap("implements ", Join(interfaces.Select(Print), " & "));

    private static string Members(IReadOnlyList<NamedTypeNode> types) => Wrap("= ", Join(types.Select(Print), " | "));

    /// <summary>Arguments go on one line unless one of them spans several (a block-string description, say).</summary>
    private static string ArgumentDefinitions(IReadOnlyList<InputValueDefinitionNode> arguments)
    {
        var printed = arguments.Select(Print).ToList();
        return printed.Any(a => a.Contains('\n', StringComparison.Ordinal))
            ? Wrap("(\n", Indent(Join(printed, "\n")), "\n)")
            : Wrap("(", Join(printed, ", "), ")");
    }
}
