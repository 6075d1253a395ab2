using Crm.Domain.Cases;
using Crm.Domain.Common;
using Crm.Domain.Policies;
using static Crm.Tests.Domain.CaseHistory;

namespace Crm.Tests.Domain.Cases;

public sealed class OpenCaseTests
{
    private static OpenCase Open(
        Priority priority = Priority.Normal,
        Channel channel = Channel.Email,
        string subject = "Kettle leaks",
        string description = "The kettle I bought in January leaks from the bottom.",
        string currency = "EUR",
        SlaPolicy? sla = null,
        Guid? customerId = null) =>
        new(Id, customerId ?? CustomerId, CaseKind.Complaint, CaseCategory.DefectiveProduct, priority, channel, subject, description, currency, sla ?? SlaPolicy.Default, Actors.Agent, Times.T0);

    [Fact]
    public void GivenNoCase_WhenOpened_ThenCaseOpenedWithDueTimesOfTheSlaPolicy()
    {
        Given.Case().When(Open()).Then(Opened());
    }

    [Theory]
    [InlineData(Priority.Urgent, 1, 8)]
    [InlineData(Priority.High, 4, 24)]
    [InlineData(Priority.Normal, 8, 72)]
    [InlineData(Priority.Low, 72, 240)]
    public void GivenNoCase_WhenOpenedWithPriority_ThenDueTimesFollowTheDefaultTargets(Priority priority, int firstResponseHours, int resolutionHours)
    {
        var opened = Assert.IsType<CaseOpened>(Assert.Single(Given.Case().When(Open(priority)).Decision.Events));

        Assert.Equal(Times.Hours(firstResponseHours), opened.FirstResponseDue);
        Assert.Equal(Times.Hours(resolutionHours), opened.ResolutionDue);
    }

    [Fact]
    public void GivenNoCase_WhenOpenedUnderAConfiguredPolicy_ThenDueTimesFollowThatPolicy()
    {
        var target = new SlaTarget(TimeSpan.FromMinutes(30), TimeSpan.FromHours(2));
        var policy = SlaPolicy.Default with { Normal = target };

        var opened = Assert.IsType<CaseOpened>(Assert.Single(Given.Case().When(Open(sla: policy)).Decision.Events));

        Assert.Equal(Times.Minutes(30), opened.FirstResponseDue);
        Assert.Equal(Times.Hours(2), opened.ResolutionDue);
    }

    [Fact]
    public void GivenNoCase_WhenOpenedByEmail_ThenFirstResponseIsStillPending()
    {
        Given.Case().When(Open(channel: Channel.Email)).ThenState(state =>
        {
            Assert.Equal(CaseStatus.Open, state.Status);
            Assert.Null(state.FirstResponseAt);
        });
    }

    [Theory]
    [InlineData(Channel.Phone)]
    [InlineData(Channel.Chat)]
    [InlineData(Channel.InPerson)]
    public void GivenNoCase_WhenOpenedDuringALiveContact_ThenTheCustomerHasHadTheFirstResponse(Channel channel)
    {
        Given.Case().When(Open(channel: channel)).ThenState(state => Assert.Equal(TimeSpan.Zero, state.FirstResponseTime));
    }

    [Fact]
    public void GivenNoCase_WhenOpenedWithPaddedText_ThenTextIsTrimmed()
    {
        var opened = Assert.IsType<CaseOpened>(Assert.Single(Given.Case().When(Open(subject: "  Kettle leaks \n")).Decision.Events));

        Assert.Equal("Kettle leaks", opened.Subject);
    }

    [Fact]
    public void GivenNoCase_WhenOpenedWithALocalTime_ThenTimesAreRecordedInUtc()
    {
        var local = Open() with { Now = Times.T0.ToOffset(TimeSpan.FromHours(2)) };

        var opened = Assert.IsType<CaseOpened>(Assert.Single(Given.Case().When(local).Decision.Events));

        Assert.Equal(TimeSpan.Zero, opened.OccurredAt.Offset);
        Assert.Equal(Times.T0, opened.OccurredAt);
    }

    [Fact]
    public void GivenOpenedCase_WhenOpenedAgain_ThenCaseAlreadyExists()
    {
        Given.Case(Opened()).When(Open()).ThenError(DomainErrors.CaseAlreadyExists);
    }

    [Fact]
    public void GivenNoCase_WhenOpenedWithoutCustomer_ThenIdEmpty()
    {
        var error = Given.Case().When(Open(customerId: Guid.Empty)).ThenError(DomainErrors.CommandIdEmpty);

        Assert.Equal("customerId", error.Field);
    }

    [Fact]
    public void GivenNoCase_WhenOpenedWithEmptyCaseId_ThenIdEmpty()
    {
        var error = Given.Case().When(Open() with { CaseId = Guid.Empty }).ThenError(DomainErrors.CommandIdEmpty);

        Assert.Equal("caseId", error.Field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void GivenNoCase_WhenOpenedWithBlankSubject_ThenSubjectRequired(string subject)
    {
        Given.Case().When(Open(subject: subject)).ThenError(DomainErrors.CaseSubjectRequired);
    }

    [Fact]
    public void GivenNoCase_WhenOpenedWithBlankDescription_ThenDescriptionRequired()
    {
        Given.Case().When(Open(description: " ")).ThenError(DomainErrors.CaseDescriptionRequired);
    }

    [Fact]
    public void GivenNoCase_WhenOpenedWithOverlongSubject_ThenTextTooLong()
    {
        var error = Given.Case().When(Open(subject: new string('x', TextLimits.Line + 1))).ThenError(DomainErrors.TextTooLong);

        Assert.Equal("subject", error.Field);
    }

    [Theory]
    [InlineData("eur")]
    [InlineData("EURO")]
    [InlineData("")]
    public void GivenNoCase_WhenOpenedWithMalformedCurrency_ThenCurrencyInvalid(string currency)
    {
        Given.Case().When(Open(currency: currency)).ThenError(DomainErrors.MoneyCurrencyInvalid);
    }

    [Fact]
    public void GivenNoCase_WhenOpenedWithUndefinedPriority_ThenValueUndefined()
    {
        var error = Given.Case().When(Open(priority: (Priority)42)).ThenError(DomainErrors.CommandValueUndefined);

        Assert.Equal("priority", error.Field);
    }
}
