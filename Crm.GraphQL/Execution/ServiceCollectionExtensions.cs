using Crm.GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.GraphQL.Execution;

/// <summary>Registration of the executor in a dependency-injection container.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers <paramref name="schema"/>, the <see cref="ExecutorOptions"/> and a singleton
    /// <see cref="IRequestExecutor"/> (a <see cref="GraphQLExecutor"/>) for transports to use.
    /// </summary>
    public static IServiceCollection AddGraphQLExecutor(this IServiceCollection services, Schema schema, Func<ExecutorOptions, ExecutorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(schema);
        var options = configure?.Invoke(ExecutorOptions.Default) ?? ExecutorOptions.Default;
        services.AddSingleton(schema);
        services.AddSingleton(options);
        services.AddSingleton<IRequestExecutor>(new GraphQLExecutor(schema, options));
        return services;
    }
}
