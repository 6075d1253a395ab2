using Crm.GraphQL.Types;

namespace Crm.Tests.GraphQL.Transport;

/// <summary>A schema that uses every kind of type and the spec's directives, for third-party conformance checks.</summary>
internal static class ConformanceSchema
{
    public const string Sdl = """
        "A library: a schema for conformance checks."
        schema {
          query: Query
          mutation: Mutation
        }

        "An instant, as ISO-8601 text with an offset."
        scalar Instant @specifiedBy(url: "https://scalars.graphql.org/andimarek/date-time")

        "Anything with a global id."
        interface Node {
          id: ID!
        }

        "A book on the shelves."
        type Book implements Node {
          id: ID!
          title: String!
          isbn: String @deprecated(reason: "Use `id`.")
          published: Instant
          genre: Genre!
        }

        type Author implements Node {
          id: ID!
          name: String!
          "The author's books, newest first."
          books(first: Int = 10, genre: Genre): [Book!]!
        }

        "What a search can find."
        union SearchResult = Book | Author

        enum Genre {
          FICTION
          HISTORY @deprecated(reason: "Shelved with NONFICTION.")
          NONFICTION
        }

        "Which books to list."
        input BookFilter {
          title: String
          genre: Genre = FICTION
          shelf: String @deprecated(reason: "Shelves are gone.")
        }

        "One way to name a book."
        input BookKey @oneOf {
          id: ID
          isbn: String
        }

        type Query {
          "Says hello."
          hello(name: String = "world"): String!
          book(key: BookKey!): Book
          books(filter: BookFilter, legacy: Boolean @deprecated(reason: "Ignored.")): [Book!]!
          search(text: String!): [SearchResult!]!
          node(id: ID!): Node
        }

        type Mutation {
          addBook(title: String!, genre: Genre!): Book!
        }
        """;

    public static Schema Build()
    {
        var book = new Dictionary<string, object?> { ["id"] = "b1", ["title"] = "Dune", ["genre"] = "FICTION", ["published"] = "1965-08-01T00:00:00Z" };
        return SchemaBuilder.FromSdl(Sdl)
            .Resolve("Query.hello", ctx => $"Hello, {ctx.Arguments["name"]}!")
            .Resolve("Query.book", _ => book)
            .Resolve("Query.books", _ => new[] { book })
            .Resolve("Query.search", _ => new[] { book })
            .Resolve("Query.node", _ => book)
            .Resolve("Mutation.addBook", ctx => new Dictionary<string, object?> { ["id"] = "b2", ["title"] = ctx.Arguments["title"], ["genre"] = ctx.Arguments["genre"] })
            .ResolveType("SearchResult", _ => "Book")
            .ResolveType("Node", _ => "Book")
            .Build();
    }
}
