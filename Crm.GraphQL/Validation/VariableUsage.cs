using Crm.GraphQL.Language;
using Crm.GraphQL.Types;

namespace Crm.GraphQL.Validation;

/// <summary>A variable used as (part of) a value, with what the schema expects at that position.</summary>
/// <param name="Node">The variable reference.</param>
/// <param name="Type">The type expected where the variable is used, or <see langword="null"/> when unknown.</param>
/// <param name="HasLocationDefault">Whether the argument or input field the variable is passed to has a default value.</param>
/// <param name="ParentInputObject">The input object type when the variable is the value of one of its fields.</param>
public readonly record struct VariableUsage(VariableNode Node, GraphQLType? Type, bool HasLocationDefault, InputObjectType? ParentInputObject);
