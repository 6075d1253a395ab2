using Crm.Api.Application;
using Crm.Projections;
using Crm.Projections.Engine;

namespace Crm.Tests.Api.Application;

/// <summary>The host's binding to the projection engine finds every projection, in the engine's order.</summary>
public sealed class ReadModelAppendHookTests
{
    [Fact]
    public void TheHook_RunsTheInlineProjections_AndTheAsyncOnesOnlyWhenAsked()
    {
        var schema = ReadModelSchema.Named("hook_test");
        var all = ReadModelProjections.All(schema);

        var inlineOnly = new ReadModelAppendHook(schema, includeAsync: false);
        var everything = new ReadModelAppendHook(schema, includeAsync: true);

        Assert.Equal(all.Where(p => p.Mode == ProjectionMode.Inline).Select(p => p.Name), inlineOnly.Names);
        Assert.Equal(all.Select(p => p.Name), everything.Names);
        Assert.Equal(3, inlineOnly.Names.Count);
    }
}
