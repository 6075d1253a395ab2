using System.Runtime.CompilerServices;

namespace Crm.GraphQL.Types;

/// <summary>Configures a field of an object or interface type.</summary>
public sealed class FieldBuilder
{
    private readonly SchemaBuilder _schema;

    internal FieldBuilder(SchemaBuilder schema, FieldDraft draft)
    {
        _schema = schema;
        Draft = draft;
    }

    internal FieldDraft Draft { get; }

    /// <summary>Sets the description.</summary>
    public FieldBuilder Description(string? description)
    {
        Draft.Description = description;
        return this;
    }

    /// <summary>Marks the field deprecated.</summary>
    public FieldBuilder Deprecated(string reason = BuiltInDirectives.DefaultDeprecationReason)
    {
        Draft.DeprecationReason = reason;
        return this;
    }

    /// <summary>Adds an argument without a default value.</summary>
    /// <param name="name">The argument's name.</param>
    /// <param name="type">Its type in SDL notation, e.g. <c>"ID!"</c> or <c>"[String!]"</c>.</param>
    /// <param name="configure">Sets the description, default value or deprecation.</param>
    public FieldBuilder Argument(string name, string type, Action<InputValueBuilder>? configure = null)
    {
        var argument = new InputValueDraft(name, TypeReference.Parse(type));
        Draft.Arguments.Add(argument);
        configure?.Invoke(new InputValueBuilder(argument));
        return this;
    }

    /// <summary>
    /// Adds an argument with a default value given as a CLR value (converted to a literal of the
    /// argument's type). For a default of <c>null</c>, use <see cref="InputValueBuilder.DefaultValue"/>.
    /// </summary>
    public FieldBuilder Argument<T>(string name, string type, T defaultValue, string? description = null)
    {
        var argument = new InputValueDraft(name, TypeReference.Parse(type)) { Description = description, DefaultClrValue = defaultValue, HasClrDefault = true };
        Draft.Arguments.Add(argument);
        return this;
    }

    /// <summary>Adds an argument whose type is given as a type object.</summary>
    public FieldBuilder Argument(string name, GraphQLType type, Action<InputValueBuilder>? configure = null)
    {
        var argument = new InputValueDraft(name, _schema.Reference(type));
        Draft.Arguments.Add(argument);
        configure?.Invoke(new InputValueBuilder(argument));
        return this;
    }

    /// <summary>Sets a synchronous resolver.</summary>
    public FieldBuilder Resolve(Func<IResolverContext, object?> resolve)
    {
        Draft.Resolver = ResolverAdapters.FromSync(resolve);
        return this;
    }

    /// <summary>Sets an asynchronous resolver.</summary>
    [OverloadResolutionPriority(1)]
    public FieldBuilder Resolve<T>(Func<IResolverContext, Task<T>> resolve)
    {
        Draft.Resolver = ResolverAdapters.FromTask(resolve);
        return this;
    }

    /// <summary>Sets an asynchronous resolver.</summary>
    public FieldBuilder Resolve<T>(Func<IResolverContext, ValueTask<T>> resolve)
    {
        Draft.Resolver = ResolverAdapters.FromValueTask(resolve);
        return this;
    }

    /// <summary>Sets the resolver in its native shape.</summary>
    public FieldBuilder Resolver(FieldResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        Draft.Resolver = resolver;
        return this;
    }

    /// <summary>
    /// For a subscription root field: the source event stream. Each event becomes the field's
    /// value unless a resolver is also set, which then receives the event as <see cref="IResolverContext.Source"/>.
    /// </summary>
    public FieldBuilder Subscribe<T>(Func<IResolverContext, IAsyncEnumerable<T>> subscribe)
    {
        Draft.Subscriber = ResolverAdapters.FromStream(subscribe);
        return this;
    }

    /// <summary>For a subscription root field: the source event stream, created asynchronously.</summary>
    [OverloadResolutionPriority(1)]
    public FieldBuilder Subscribe<T>(Func<IResolverContext, Task<IAsyncEnumerable<T>>> subscribe)
    {
        Draft.Subscriber = ResolverAdapters.FromStreamTask(subscribe);
        return this;
    }

    /// <summary>For a subscription root field: the source event stream, created asynchronously.</summary>
    public FieldBuilder Subscribe<T>(Func<IResolverContext, ValueTask<IAsyncEnumerable<T>>> subscribe)
    {
        Draft.Subscriber = ResolverAdapters.FromStreamValueTask(subscribe);
        return this;
    }
}

/// <summary>Configures an argument or an input object field.</summary>
public sealed class InputValueBuilder
{
    internal InputValueBuilder(InputValueDraft draft) => Draft = draft;

    internal InputValueDraft Draft { get; }

    /// <summary>Sets the description.</summary>
    public InputValueBuilder Description(string? description)
    {
        Draft.Description = description;
        return this;
    }

    /// <summary>Sets the default value as a CLR value, converted to a literal of the value's type.</summary>
    public InputValueBuilder DefaultValue(object? value)
    {
        Draft.DefaultClrValue = value;
        Draft.HasClrDefault = true;
        Draft.DefaultLiteral = null;
        return this;
    }

    /// <summary>Sets the default value as a GraphQL literal, e.g. <c>"{ first: 10 }"</c> or <c>"[RED]"</c>.</summary>
    public InputValueBuilder DefaultLiteral(string literal)
    {
        ArgumentNullException.ThrowIfNull(literal);
        Draft.DefaultLiteral = Language.Parser.ParseValue(literal);
        Draft.HasClrDefault = false;
        return this;
    }

    /// <summary>Marks the value deprecated; only allowed when it is optional.</summary>
    public InputValueBuilder Deprecated(string reason = BuiltInDirectives.DefaultDeprecationReason)
    {
        Draft.DeprecationReason = reason;
        return this;
    }
}
