using Crm.GraphQL.Types;

namespace Crm.Tests.GraphQL.Types;

public sealed class SchemaPrinterTests
{
    [Fact]
    public void KitchenSinkSdl_PrintsExactlyLikeTheReferenceImplementation()
    {
        var schema = SchemaBuilder.FromSdl(TestFiles.Read("Types/TestData/kitchen-sink.graphql")).Build();

        var printed = SchemaPrinter.Print(schema);

        Assert.Equal(TestFiles.Read("Types/TestData/kitchen-sink.expected.graphql"), printed);
    }

    [Fact]
    public void PrintedSchema_RoundTripsThroughSdl()
    {
        var first = SchemaPrinter.Print(SchemaBuilder.FromSdl(TestFiles.Read("Types/TestData/kitchen-sink.graphql")).Build());

        var second = SchemaPrinter.Print(SchemaBuilder.FromSdl(first).Build());

        Assert.Equal(first, second);
    }
}
