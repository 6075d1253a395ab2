using Crm.GraphQL;
using Crm.GraphQL.Execution;
using Crm.GraphQL.Types;

namespace Crm.Tests.GraphQL.Execution;

public sealed class NullPropagationAndErrorTests
{
    private sealed record Node(int Id);

    private static Schema Schema() => SchemaBuilder.FromSdl("""
        type Query {
          nullableChild: Child
          nonNullChild: Child!
          list: [Child]
          nonNullList: [Child!]
          boom: String
          oops: String
          intentional: String
          sibling: String
          badInt: Int
          notAList: [Int]
          asyncBoom: String
        }
        type Child {
          ok: String
          nonNullFail: String!
          deeper: Child!
          id: Int!
        }
        """)
        .Resolve("Query.nullableChild", _ => new Node(1))
        .Resolve("Query.nonNullChild", _ => new Node(2))
        .Resolve("Query.list", _ => new[] { new Node(1), new Node(2), new Node(3) })
        .Resolve("Query.nonNullList", _ => new[] { new Node(1), new Node(2) })
        .Resolve("Query.boom", _ => throw new InvalidOperationException("connection string password=secret"))
        .Resolve("Query.oops", _ => throw new GraphQLException("Customer is archived.", "CUSTOMER_ARCHIVED"))
        .Resolve("Query.intentional", ctx =>
        {
            ctx.ReportError("Partial data.", "PARTIAL");
            return "value";
        })
        .Resolve("Query.sibling", _ => "fine")
        .Resolve("Query.badInt", _ => 1.5)
        .Resolve("Query.notAList", _ => 3)
        .Resolve<string>("Query.asyncBoom", async _ =>
        {
            await Task.Yield();
            throw new InvalidOperationException("inner detail");
        })
        .Resolve("Child.ok", ctx => "ok" + ctx.Parent<Node>().Id)
        .Resolve("Child.nonNullFail", ctx => ctx.Parent<Node>().Id == 2 ? null : "fine")
        .Resolve("Child.deeper", ctx => ctx.Parent<Node>().Id > 0 ? new Node(0) : null)
        .Build();

    [Fact]
    public async Task NonNullFieldReturningNull_NullsTheNearestNullableParent_WithPathAndLocation()
    {
        var result = await Run.Execute(Schema(), "{ nullableChild { ok deeper { deeper { ok } } } sibling }");

        Assert.Equal(Run.Expect("{'errors':[{'message':'Cannot return null for non-nullable field Child.deeper.','locations':[{'line':1,'column':31}],'path':['nullableChild','deeper','deeper'],'extensions':{'code':'INVALID_RESULT'}}],'data':{'nullableChild':null,'sibling':'fine'}}"), Run.Normalize(result.ToJson()));
    }

    [Fact]
    public async Task NullInsideNonNullRoots_NullsTheWholeData()
    {
        var result = await Run.Execute(Schema(), "{ nonNullChild { nonNullFail } sibling }");

        Assert.True(result.HasData);
        Assert.Null(result.Data);
        Assert.Equal(["nonNullChild", "nonNullFail"], Assert.Single(result.Errors).Path);
        Assert.Equal(Run.Expect("{'errors':[{'message':'Cannot return null for non-nullable field Child.nonNullFail.','locations':[{'line':1,'column':18}],'path':['nonNullChild','nonNullFail'],'extensions':{'code':'INVALID_RESULT'}}],'data':null}"), Run.Normalize(result.ToJson()));
    }

    [Fact]
    public async Task ErrorInListItem_NullsOnlyThatItem_WhenItemsAreNullable()
    {
        var json = await Run.Json(Schema(), "{ list { nonNullFail } }");

        Assert.Equal(Run.Expect("{'errors':[{'message':'Cannot return null for non-nullable field Child.nonNullFail.','locations':[{'line':1,'column':10}],'path':['list',1,'nonNullFail'],'extensions':{'code':'INVALID_RESULT'}}],'data':{'list':[{'nonNullFail':'fine'},null,{'nonNullFail':'fine'}]}}"), json);
    }

    [Fact]
    public async Task ErrorInNonNullListItem_NullsTheList()
    {
        var json = await Run.Json(Schema(), "{ nonNullList { nonNullFail } }");

        Assert.Equal(Run.Expect("{'errors':[{'message':'Cannot return null for non-nullable field Child.nonNullFail.','locations':[{'line':1,'column':17}],'path':['nonNullList',1,'nonNullFail'],'extensions':{'code':'INVALID_RESULT'}}],'data':{'nonNullList':null}}"), json);
    }

    [Fact]
    public async Task UnexpectedException_IsMasked_WithoutDetails()
    {
        var result = await Run.Execute(Schema(), "{ boom sibling }");

        var error = Assert.Single(result.Errors);
        Assert.Equal("Unexpected Execution Error", error.Message);
        Assert.Equal(ErrorCodes.InternalServerError, error.Code);
        Assert.DoesNotContain("secret", result.ToJson(), StringComparison.Ordinal);
        Assert.Equal("fine", result.Data!["sibling"]);
    }

    [Fact]
    public async Task UnexpectedException_ShowsDetails_OnlyWhenConfigured()
    {
        var observed = new List<Exception>();
        var options = new ExecutorOptions { IncludeExceptionDetails = true, OnUnexpectedError = (ex, _) => observed.Add(ex) };

        var result = await Run.Execute(Schema(), "{ asyncBoom }", options: options);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Unexpected Execution Error", error.Message);
        var details = Assert.IsType<Dictionary<string, object?>>(error.Extensions!["exception"]);
        Assert.Equal("inner detail", details["message"]);
        Assert.Contains("inner detail", result.ToJson(), StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(Assert.Single(observed));
    }

    [Fact]
    public async Task GraphQLException_KeepsItsMessageAndCode()
    {
        var json = await Run.Json(Schema(), "{ oops }");

        Assert.Equal(Run.Expect("{'errors':[{'message':'Customer is archived.','locations':[{'line':1,'column':3}],'path':['oops'],'extensions':{'code':'CUSTOMER_ARCHIVED'}}],'data':{'oops':null}}"), json);
    }

    [Fact]
    public async Task ReportedError_KeepsTheValue()
    {
        var json = await Run.Json(Schema(), "{ intentional }");

        Assert.Equal(Run.Expect("{'errors':[{'message':'Partial data.','locations':[{'line':1,'column':3}],'path':['intentional'],'extensions':{'code':'PARTIAL'}}],'data':{'intentional':'value'}}"), json);
    }

    [Fact]
    public async Task ResultCoercionFailures_AreFieldErrors()
    {
        var result = await Run.Execute(Schema(), "{ badInt notAList sibling }");

        Assert.Equal(
            ["Int cannot represent non-integer value: 1.5", "Expected Iterable, but did not find one for field \"Query.notAList\"."],
            result.Errors.Select(e => e.Message));
        Assert.Equal(Run.Expect("{'badInt':null,'notAList':null,'sibling':'fine'}"), Run.Expect(System.Text.Json.JsonSerializer.Serialize(result.Data)));
    }
}
