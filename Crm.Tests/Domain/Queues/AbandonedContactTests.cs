using Crm.Domain.Common;
using Crm.Domain.Queues;

namespace Crm.Tests.Domain.Queues;

public sealed class AbandonedContactTests
{
    private static readonly Guid ContactId = new("0195f000-0000-7000-8000-000000003001");
    private static readonly Guid OtherContactId = new("0195f000-0000-7000-8000-000000003002");

    private static RecordAbandonedContact Record(
        string queue = "Billing",
        Channel channel = Channel.Phone,
        int waitSeconds = 95,
        DateTimeOffset? enteredAt = null,
        Guid? contactId = null,
        Actor? by = null,
        string? caller = "+44 20 7946 0000") =>
        new(queue, contactId ?? ContactId, channel, enteredAt ?? Times.Minutes(10), waitSeconds, caller, null, by ?? Actors.System, Times.Minutes(20));

    private static ContactAbandoned Abandoned(Guid? contactId = null, int waitSeconds = 95) =>
        new("Billing", Times.Minutes(10).AddSeconds(waitSeconds), Actors.System, contactId ?? ContactId, Channel.Phone, Times.Minutes(10), waitSeconds, "+44 20 7946 0000", null);

    [Fact]
    public void GivenNewQueue_WhenTheTelephonyFeedRecordsAnAbandonedCall_ThenContactAbandonedAtTheMomentItGaveUp()
    {
        Given.Queue()
            .When(Record())
            .Then(Abandoned())
            .ThenState(state =>
            {
                Assert.Equal("Billing", state.Name);
                Assert.Equal(1, state.AbandonedCount);
                Assert.Equal(95, state.AbandonedWaitSeconds);
            });
    }

    [Fact]
    public void GivenQueueWithAnAbandonedContact_WhenAnotherIsRecordedByAnAgent_ThenBothAreCounted()
    {
        Given.Queue(Abandoned())
            .When(Record(" Billing ", Channel.Chat, 30, contactId: OtherContactId, by: Actors.Agent, caller: null))
            .Then(new ContactAbandoned("Billing", Times.Minutes(10).AddSeconds(30), Actors.Agent, OtherContactId, Channel.Chat, Times.Minutes(10), 30, null, null))
            .ThenState(state =>
            {
                Assert.Equal(2, state.AbandonedCount);
                Assert.Equal(125, state.AbandonedWaitSeconds);
            });
    }

    [Fact]
    public void GivenNewQueue_WhenARecognisedCallerAbandons_ThenTheCustomerIsRecorded()
    {
        var customer = CustomerHistory.Id;

        var abandoned = Assert.IsType<ContactAbandoned>(Assert.Single(Given.Queue().When(Record() with { CustomerId = customer }).Decision.Events));

        Assert.Equal(customer, abandoned.CustomerId);
    }

    [Fact]
    public void GivenRecordedContact_WhenRecordedAgain_ThenAlreadyRecorded()
    {
        Given.Queue(Abandoned()).When(Record()).ThenError(DomainErrors.ContactAlreadyRecorded);
    }

    [Fact]
    public void GivenNewQueue_WhenWaitIsNegative_ThenWaitNegative()
    {
        Given.Queue().When(Record(waitSeconds: -1)).ThenError(DomainErrors.ContactWaitNegative);
    }

    [Theory]
    [InlineData(Channel.Email)]
    [InlineData(Channel.Mail)]
    public void GivenNewQueue_WhenAnUnqueuedChannelIsAbandoned_ThenNotQueued(Channel channel)
    {
        Given.Queue().When(Record(channel: channel)).ThenError(DomainErrors.ContactNotQueued);
    }

    [Fact]
    public void GivenNewQueue_WhenTheWaitWouldEndAfterNow_ThenInFuture()
    {
        Given.Queue().When(Record(waitSeconds: 601)).ThenError(DomainErrors.ContactInFuture);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void GivenNewQueue_WhenQueueNameIsBlank_ThenNameRequired(string queue)
    {
        Given.Queue().When(Record(queue)).ThenError(DomainErrors.QueueNameRequired);
    }

    [Fact]
    public void GivenBillingQueue_WhenAContactForSalesIsDecidedAgainstIt_ThenQueueMismatch()
    {
        Given.Queue(Abandoned()).When(Record("Sales", contactId: OtherContactId)).ThenError(DomainErrors.QueueMismatch);
    }

    [Fact]
    public void GivenNewQueue_WhenContactIdIsEmpty_ThenIdEmpty()
    {
        Given.Queue().When(Record(contactId: Guid.Empty)).ThenError(DomainErrors.CommandIdEmpty);
    }

    [Fact]
    public void GivenNewQueue_WhenCallerAddressIsOverlong_ThenTextTooLong()
    {
        Given.Queue().When(Record(caller: new string('9', TextLimits.Line + 1))).ThenError(DomainErrors.TextTooLong);
    }

    [Fact]
    public void GivenNewQueue_WhenChannelIsUndefined_ThenValueUndefined()
    {
        Given.Queue().When(Record(channel: (Channel)8)).ThenError(DomainErrors.CommandValueUndefined);
    }

    [Fact]
    public void GivenNewQueue_WhenRecognisedCustomerIdIsEmpty_ThenIdEmpty()
    {
        Given.Queue().When(Record() with { CustomerId = Guid.Empty }).ThenError(DomainErrors.CommandIdEmpty);
    }

    [Theory]
    [InlineData(nameof(Actors.Auditor))]
    [InlineData(nameof(Actors.Service))]
    public void GivenNewQueue_WhenAReadOnlyRoleRecordsAContact_ThenForbidden(string role)
    {
        var actor = role == nameof(Actors.Auditor) ? Actors.Auditor : Actors.Service;

        Given.Queue().When(Record(by: actor)).ThenError(DomainErrors.AuthForbidden);
    }
}
