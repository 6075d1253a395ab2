using System.Text.Json;
using Crm.Domain.Cases;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Queues;
using FsCheck;
using FsCheck.Fluent;

namespace Crm.Tests.Domain.Common;

/// <summary>Events and states survive a trip through System.Text.Json with default options, as the store and snapshots will use it.</summary>
public sealed class EventSerializationTests
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    private static IEnumerable<object> SampleEvents()
    {
        yield return CustomerHistory.Registered();
        yield return CustomerHistory.Offer(validUntil: Times.Days(1));
        yield return CaseHistory.Opened();
        yield return CaseHistory.ApprovalRequested(200m);
        yield return CaseHistory.Refund(10m) with { ApprovalRequestId = CaseHistory.RequestId };
        yield return new ContactAbandoned("Billing", Times.T0, Actors.System, CaseHistory.RemedyId, Channel.Phone, Times.T0, 0, null, null);
        foreach (var steps in CommandScript.Scripts.Sample(40, new Rnd(42UL), 30))
        {
            foreach (var e in ScriptedEvents(steps))
            {
                yield return e;
            }
        }
    }

    [Fact]
    public void EveryEvent_RoundTripsThroughJsonAsItsOwnType()
    {
        var samples = SampleEvents().ToList();

        Assert.All(samples, e =>
        {
            var json = JsonSerializer.Serialize(e, e.GetType(), Options);
            Assert.Equal(e, JsonSerializer.Deserialize(json, e.GetType(), Options));
        });
    }

    [Fact]
    public void EquatableCollections_AreWrittenAsPlainJson()
    {
        var json = JsonSerializer.Serialize(CustomerHistory.Registered(), Options);

        Assert.Contains("\"emails\":[\"jane@example.com\"]", json, StringComparison.Ordinal);
    }

    [Fact]
    public void States_RoundTripThroughJson()
    {
        var caseState = CaseDecider.Replay([CaseHistory.Opened(), CaseHistory.Refund(10m), CaseHistory.ApprovalRequested(200m), CaseHistory.FollowUpScheduled()]);
        var customerState = CustomerDecider.Replay([CustomerHistory.Registered(), CustomerHistory.Subscription(), CustomerHistory.ConsentGiven(), CustomerHistory.Offer()]);

        Assert.Equal(caseState, JsonSerializer.Deserialize<CaseState>(JsonSerializer.Serialize(caseState, Options), Options));
        Assert.Equal(customerState, JsonSerializer.Deserialize<CustomerState>(JsonSerializer.Serialize(customerState, Options), Options));
    }

    [Fact]
    public void Money_WithAMalformedCurrencyInJson_IsRefused()
    {
        Assert.ThrowsAny<ArgumentException>(() => JsonSerializer.Deserialize<Money>("""{"amount":1,"currency":"eur"}""", Options));
    }

    private static IEnumerable<object> ScriptedEvents(List<Step> steps)
    {
        var script = new CommandScript();
        var customer = CustomerDecider.Initial;
        var @case = CaseDecider.Initial;
        var queue = QueueDecider.Initial;
        foreach (var command in CommandScript.Prologue().Concat(steps.Select(s => script.Next(s, @case))))
        {
            IEnumerable<object> events = command switch
            {
                CustomerCommand c => CustomerDecider.Decide(c, customer).Events,
                CaseCommand c => CaseDecider.Decide(c, @case).Events,
                QueueCommand c => QueueDecider.Decide(c, queue).Events,
                _ => [],
            };
            foreach (var e in events)
            {
                customer = e is CustomerEvent ce ? CustomerDecider.Evolve(customer, ce) : customer;
                @case = e is CaseEvent ke ? CaseDecider.Evolve(@case, ke) : @case;
                queue = e is QueueEvent qe ? QueueDecider.Evolve(queue, qe) : queue;
                yield return e;
            }
        }
    }
}
