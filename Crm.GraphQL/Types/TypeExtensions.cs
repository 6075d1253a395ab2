using Crm.GraphQL.Language;

namespace Crm.GraphQL.Types;

/// <summary>Classification and comparison of <see cref="GraphQLType"/> values.</summary>
public static class TypeExtensions
{
    /// <summary>The named type inside any list/non-null wrappers.</summary>
    public static NamedType NamedType(this GraphQLType type)
    {
        while (true)
        {
            switch (type)
            {
                case NamedType named: return named;
                case ListType list: type = list.OfType; break;
                case NonNullType nonNull: type = nonNull.OfType; break;
                default: throw new ArgumentException("Unknown type wrapper.", nameof(type));
            }
        }
    }

    /// <summary>The type without its outer non-null wrapper.</summary>
    public static GraphQLType NullableType(this GraphQLType type) => type is NonNullType nonNull ? nonNull.OfType : type;

    /// <summary>Whether the type is a non-null wrapper.</summary>
    public static bool IsNonNull(this GraphQLType type) => type is NonNullType;

    /// <summary>Whether the type is a list (possibly non-null).</summary>
    public static bool IsListType(this GraphQLType type) => type.NullableType() is ListType;

    /// <summary>Scalars, enums and input objects (and wrappers of them) may be used as input.</summary>
    public static bool IsInputType(this GraphQLType type) => type.NamedType() is ScalarType or EnumType or InputObjectType;

    /// <summary>Scalars, objects, interfaces, unions and enums (and wrappers of them) may be used as output.</summary>
    public static bool IsOutputType(this GraphQLType type) => type.NamedType() is ScalarType or ObjectType or InterfaceType or UnionType or EnumType;

    /// <summary>Scalars and enums.</summary>
    public static bool IsLeafType(this GraphQLType type) => type is ScalarType or EnumType;

    /// <summary>Objects, interfaces and unions.</summary>
    public static bool IsCompositeType(this GraphQLType type) => type is ObjectType or InterfaceType or UnionType;

    /// <summary>Interfaces and unions.</summary>
    public static bool IsAbstractType(this GraphQLType type) => type is InterfaceType or UnionType;

    /// <summary>Whether two type references denote the same type.</summary>
    public static bool IsEqualType(this GraphQLType a, GraphQLType b) => (a, b) switch
    {
        (NonNullType x, NonNullType y) => x.OfType.IsEqualType(y.OfType),
        (ListType x, ListType y) => x.OfType.IsEqualType(y.OfType),
        (NamedType x, NamedType y) => ReferenceEquals(x, y),
        _ => false,
    };

    /// <summary>
    /// Whether a value of <paramref name="maybeSubType"/> is always a valid value of
    /// <paramref name="superType"/> (covariance of field types).
    /// </summary>
    public static bool IsTypeSubTypeOf(this Schema schema, GraphQLType maybeSubType, GraphQLType superType)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (maybeSubType.IsEqualType(superType))
        {
            return true;
        }
        if (superType is NonNullType superNonNull)
        {
            return maybeSubType is NonNullType subNonNull && schema.IsTypeSubTypeOf(subNonNull.OfType, superNonNull.OfType);
        }
        if (maybeSubType is NonNullType nonNull)
        {
            return schema.IsTypeSubTypeOf(nonNull.OfType, superType);
        }
        if (superType is ListType superList)
        {
            return maybeSubType is ListType subList && schema.IsTypeSubTypeOf(subList.OfType, superList.OfType);
        }
        if (maybeSubType is ListType)
        {
            return false;
        }
        return superType is NamedType superNamed && superNamed.IsAbstractType()
            && maybeSubType is NamedType subNamed && (subNamed is ObjectType or InterfaceType)
            && schema.IsSubType(superNamed, subNamed);
    }

    /// <summary>The schema type a type reference in a document denotes, or <see langword="null"/> when its named type is unknown.</summary>
    public static GraphQLType? TypeFromAst(this Schema schema, TypeNode node)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(node);
        switch (node)
        {
            case NamedTypeNode named:
                return schema.GetType(named.Name.Value);
            case ListTypeNode list:
                return schema.TypeFromAst(list.Type) is { } item ? new ListType(item) : null;
            case NonNullTypeNode nonNull:
                return schema.TypeFromAst(nonNull.Type) is { } inner && inner is not NonNullType ? new NonNullType(inner) : null;
            default:
                return null;
        }
    }
}
