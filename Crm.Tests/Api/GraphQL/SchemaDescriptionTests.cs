using Crm.GraphQL.Types;
using Crm.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Tests.Api.GraphQL;

/// <summary>The schema is its own documentation: every type, field, argument, input field and enum value says what it is.</summary>
public sealed class SchemaDescriptionTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public void EveryTypeFieldArgumentAndEnumValue_HasADescription()
    {
        var schema = host.Api.Services.GetRequiredService<Schema>();
        var missing = new List<string>();
        void Check(string? description, string what)
        {
            if (string.IsNullOrWhiteSpace(description))
            {
                missing.Add(what);
            }
        }

        Check(schema.Description, "schema");
        foreach (var type in schema.Types.Where(t => !t.IsIntrospectionType && !(t is ScalarType scalar && scalar.IsBuiltIn)))
        {
            Check(type.Description, type.Name);
            switch (type)
            {
                case ComplexType complex:
                    foreach (var field in complex.Fields)
                    {
                        Check(field.Description, $"{type.Name}.{field.Name}");
                        foreach (var argument in field.Arguments)
                        {
                            Check(argument.Description, $"{type.Name}.{field.Name}({argument.Name})");
                        }
                    }
                    break;
                case InputObjectType input:
                    foreach (var field in input.Fields)
                    {
                        Check(field.Description, $"{type.Name}.{field.Name}");
                    }
                    break;
                case EnumType enumType:
                    foreach (var value in enumType.Values)
                    {
                        Check(value.Description, $"{type.Name}.{value.Name}");
                    }
                    break;
                default:
                    break;
            }
        }

        Assert.True(missing.Count == 0, "Without a description: " + string.Join(", ", missing));
    }

    [Fact]
    public void TheKpiFields_StateTheSpecsFormulas()
    {
        var kpis = (ObjectType)host.Api.Services.GetRequiredService<Schema>().GetType("Kpis")!;

        Assert.Contains("FCR = resolved cases with exactly one customer contact and never reopened ÷ resolved cases", kpis.Fields["fcr"]!.Description, StringComparison.Ordinal);
        Assert.Contains("AHT = (talk + hold + wrap-up seconds) ÷ handled contacts, over Phone and Chat", kpis.Fields["averageHandleTimeSeconds"]!.Description, StringComparison.Ordinal);
        Assert.Contains("CSAT = answers of 4 or 5 ÷ all answers, on the 1–5 scale", kpis.Fields["csat"]!.Description, StringComparison.Ordinal);
        Assert.Contains("NPS = % promoters (9–10) − % detractors (0–6), from −100 to 100", kpis.Fields["nps"]!.Description, StringComparison.Ordinal);
        Assert.Contains("Abandonment rate = abandoned ÷ offered, offered = answered inbound + abandoned, per queue", kpis.Fields["abandonmentRate"]!.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSchema_IsBuiltOnce_AndSharedByEveryRequest()
    {
        Assert.Same(host.Api.Services.GetRequiredService<Schema>(), host.Api.Services.GetRequiredService<Crm.GraphQL.Execution.IRequestExecutor>().Schema);
    }
}
