using Crm.GraphQL.Execution;
using Crm.GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.GraphQL.Transport;

/// <summary>Serves a schema over HTTP per the GraphQL-over-HTTP specification.</summary>
public static class GraphQLEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the GraphQL endpoint at <paramref name="pattern"/> (POST with JSON; GET for queries; the
    /// IDE for browsers) and the schema's SDL at <c>{pattern}/schema.graphql</c>, executing with the
    /// registered <see cref="IRequestExecutor"/> (see <c>AddGraphQLExecutor</c>).
    /// </summary>
    /// <returns>A builder for both endpoints' conventions (authorization, CORS, rate limiting …).</returns>
    public static IEndpointConventionBuilder MapGraphQL(this IEndpointRouteBuilder endpoints, string pattern = "/graphql", GraphQLHttpOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        options ??= new GraphQLHttpOptions();
        var executor = endpoints.ServiceProvider.GetRequiredService<IRequestExecutor>();
        var handler = new GraphQLHttpHandler(executor, options);

        var builders = new List<IEndpointConventionBuilder>
        {
            endpoints.Map(pattern, handler.HandleAsync).WithDisplayName($"GraphQL {pattern}"),
        };
        if (options.EnableSchemaFile)
        {
            var sdl = SchemaPrinter.Print(executor.Schema);
            builders.Add(endpoints.MapGet(pattern.TrimEnd('/') + "/schema.graphql", context => handler.HandleSchemaAsync(context, sdl))
                .WithDisplayName($"GraphQL SDL {pattern}"));
        }
        return new CompositeConventionBuilder(builders);
    }

    private sealed class CompositeConventionBuilder(List<IEndpointConventionBuilder> builders) : IEndpointConventionBuilder
    {
        public void Add(Action<EndpointBuilder> convention)
        {
            foreach (var builder in builders)
            {
                builder.Add(convention);
            }
        }

        public void Finally(Action<EndpointBuilder> finallyConvention)
        {
            foreach (var builder in builders)
            {
                builder.Finally(finallyConvention);
            }
        }
    }
}
