using Crm.Domain.Common;
using Crm.Domain.Customers;
using static Crm.Tests.Domain.CustomerHistory;

namespace Crm.Tests.Domain.Customers;

public sealed class InteractionTests
{
    private static readonly Guid CaseId = CaseHistory.Id;

    private static LogInteraction Log(
        int talk = 240,
        int hold = 30,
        int wrapUp = 60,
        DateTimeOffset? startedAt = null,
        string topic = "Leaking kettle",
        string summary = "Customer reports the kettle leaks; case opened.",
        Guid? interactionId = null,
        Guid? agentId = null,
        Channel channel = Channel.Phone) =>
        new(Id, interactionId ?? InteractionId, channel, Direction.Inbound, " Support ", agentId ?? Actors.Agent.Id, topic, summary,
            startedAt ?? Times.Minutes(10), talk, hold, wrapUp, CaseId, Actors.Agent, Times.Minutes(20));

    private static InteractionLogged Logged() =>
        new(Id, Times.Minutes(20), Actors.Agent, InteractionId, Channel.Phone, Direction.Inbound, "Support", Actors.Agent.Id, "Leaking kettle",
            "Customer reports the kettle leaks; case opened.", Times.Minutes(10), 240, 30, 60, CaseId);

    [Fact]
    public void GivenRegisteredCustomer_WhenInteractionLogged_ThenInteractionLoggedWithHandleTimeParts()
    {
        Given.Customer(Registered())
            .When(Log())
            .Then(Logged())
            .ThenState(state =>
            {
                Assert.Contains(InteractionId, state.Interactions);
                Assert.Equal(Times.Minutes(10), state.LastContactAt);
            });
    }

    [Fact]
    public void GivenALaterContact_WhenAnEarlierOneIsLogged_ThenLastContactStaysTheLaterOne()
    {
        var earlier = Log(startedAt: Times.Minutes(1), interactionId: Guid.Parse("0195f000-0000-7000-8000-0000000013ff"));

        Given.Customer(Registered(), Logged())
            .When(earlier)
            .ThenState(state =>
            {
                Assert.Equal(Times.Minutes(10), state.LastContactAt);
                Assert.Equal(2, state.Interactions.Count);
            });
    }

    [Theory]
    [InlineData(-1, 0, 0, "talkSeconds")]
    [InlineData(0, -1, 0, "holdSeconds")]
    [InlineData(0, 0, -1, "wrapUpSeconds")]
    public void GivenRegisteredCustomer_WhenDurationsAreNegative_ThenDurationsNegative(int talk, int hold, int wrapUp, string field)
    {
        var error = Given.Customer(Registered()).When(Log(talk, hold, wrapUp)).ThenError(DomainErrors.InteractionDurationsNegative);

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void GivenRegisteredCustomer_WhenAnEmailWithoutTalkTimeIsLogged_ThenInteractionLogged()
    {
        Assert.True(Given.Customer(Registered()).When(Log(0, 0, 120, channel: Channel.Email)).Decision.IsAccepted);
    }

    [Fact]
    public void GivenRegisteredCustomer_WhenContactStartsLaterThanNow_ThenStartedInFuture()
    {
        Given.Customer(Registered()).When(Log(startedAt: Times.Minutes(21))).ThenError(DomainErrors.InteractionStartedInFuture);
    }

    [Fact]
    public void GivenLoggedInteraction_WhenLoggedAgain_ThenAlreadyLogged()
    {
        Given.Customer(Registered(), Logged()).When(Log()).ThenError(DomainErrors.InteractionAlreadyLogged);
    }

    [Fact]
    public void GivenRegisteredCustomer_WhenTopicIsBlank_ThenTopicRequired()
    {
        Given.Customer(Registered()).When(Log(topic: "")).ThenError(DomainErrors.InteractionTopicRequired);
    }

    [Fact]
    public void GivenRegisteredCustomer_WhenSummaryIsBlank_ThenSummaryRequired()
    {
        Given.Customer(Registered()).When(Log(summary: "  ")).ThenError(DomainErrors.InteractionSummaryRequired);
    }

    [Fact]
    public void GivenRegisteredCustomer_WhenAgentIsMissing_ThenIdEmpty()
    {
        var error = Given.Customer(Registered()).When(Log(agentId: Guid.Empty)).ThenError(DomainErrors.CommandIdEmpty);

        Assert.Equal("agentId", error.Field);
    }

    [Fact]
    public void GivenRegisteredCustomer_WhenChannelIsUndefined_ThenValueUndefined()
    {
        Given.Customer(Registered()).When(Log(channel: (Channel)6)).ThenError(DomainErrors.CommandValueUndefined);
    }

    [Fact]
    public void GivenErasedCustomer_WhenInteractionLogged_ThenCustomerErased()
    {
        Given.Customer(Registered(), Erased()).When(Log() with { Now = Times.Hours(2) }).ThenError(DomainErrors.CustomerErased);
    }

    [Fact]
    public void GivenNoCustomer_WhenInteractionLogged_ThenCustomerNotFound()
    {
        Given.Customer().When(Log()).ThenError(DomainErrors.CustomerNotFound);
    }
}
