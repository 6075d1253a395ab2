namespace Crm.GraphQL.Types;

/// <summary>
/// Produces a field's value. Synchronous resolvers return a completed <see cref="ValueTask{TResult}"/>,
/// which costs no allocation; the builder adapts plain, <see cref="Task{TResult}"/> and
/// <see cref="ValueTask{TResult}"/> lambdas to this shape.
/// </summary>
public delegate ValueTask<object?> FieldResolver(IResolverContext context);

/// <summary>Produces the source event stream of a subscription root field.</summary>
public delegate ValueTask<IAsyncEnumerable<object?>> SubscribeResolver(IResolverContext context);

/// <summary>
/// Decides the object type of a value of an interface or union type; returns the object type's
/// name, or <see langword="null"/> to fall back to the registered CLR types and <c>IsTypeOf</c> checks.
/// </summary>
public delegate string? TypeResolver(object value, IResolverContext context);
