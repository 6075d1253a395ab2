using Crm.Api.Application;
using Crm.Api.Auth;
using Crm.Api.ReadModels;
using Crm.EventStore;
using Crm.GraphQL.Execution;
using Crm.GraphQL.Transport;
using Crm.GraphQL.Types;
using Crm.Projections;

namespace Crm.Api.GraphQL;

/// <summary>Registration and mapping of the CRM GraphQL endpoint.</summary>
internal static partial class GraphQLSetup
{
    /// <summary>Registers the schema (built once, when first needed) and the executor.</summary>
    public static IServiceCollection AddCrmGraphQL(this IServiceCollection services)
    {
        services.AddSingleton(sp => CrmSchema.Build(new CrmServices(
            sp.GetRequiredService<CrmCommands>(),
            sp.GetRequiredService<ReadModelQueries>(),
            sp.GetRequiredService<CrmReadModel>(),
            sp.GetRequiredService<IEventStore>(),
            sp.GetRequiredService<TimeProvider>(),
            CrmJson.CreateEventOptions())));
        services.AddSingleton<IRequestExecutor>(sp =>
        {
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Crm.GraphQL");
            return new GraphQLExecutor(sp.GetRequiredService<Schema>(), ExecutorOptions.Default with
            {
                OnUnexpectedError = (exception, error) => UnexpectedError(logger, string.Join('.', error.Path ?? []), exception),
            });
        });
        return services;
    }

    /// <summary>
    /// Maps <c>/graphql</c> (and its SDL at <c>/graphql/schema.graphql</c>). The endpoint itself is
    /// anonymous so a browser can load the IDE page, but every GraphQL request and the SDL require
    /// the token policy: 401 without a valid token.
    /// </summary>
    public static IEndpointRouteBuilder MapCrmGraphQL(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGraphQL("/graphql", new GraphQLHttpOptions
        {
            AuthorizationPolicy = AuthSetup.ActorPolicy,
            ContextData = RequestOrigin.ContextData,
        }).AllowAnonymous();
        return endpoints;
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Error, Message = "A GraphQL resolver failed at {Path}")]
    private static partial void UnexpectedError(ILogger logger, string path, Exception exception);
}
