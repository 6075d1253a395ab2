using Crm.GraphQL.Language;
using Crm.GraphQL.Types;

namespace Crm.GraphQL.Execution;

/// <summary>The validation step of the request pipeline.</summary>
internal static class DocumentValidation
{
    public static IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document) => [];
}
