using Crm.Domain.Cases;
using Crm.Domain.Common;
using static Crm.Tests.Domain.CaseHistory;

namespace Crm.Tests.Domain.Cases;

public sealed class SatisfactionTests
{
    private static RecordSatisfaction Record(int? csat = 5, int? nps = 9, string? comment = "Quick and friendly") =>
        new(Id, csat, nps, comment, Actors.Agent, Times.Hours(5));

    [Fact]
    public void GivenResolvedCase_WhenSatisfactionRecorded_ThenSatisfactionRecorded()
    {
        Given.Case(Opened(), Resolved())
            .When(Record())
            .Then(Satisfaction())
            .ThenState(state =>
            {
                Assert.True(state.SatisfactionRecorded);
                Assert.Equal(new Satisfaction(5, 9, Times.Hours(5)), state.Satisfaction);
            });
    }

    [Fact]
    public void GivenClosedCase_WhenALateSurveyAnswerArrives_ThenSatisfactionRecorded()
    {
        Given.Case(Opened(), Resolved(), Closed(Times.Hours(4))).When(Record()).Then(Satisfaction());
    }

    [Fact]
    public void GivenResolvedCase_WhenOnlyNpsIsGiven_ThenSatisfactionRecordedWithoutCsat()
    {
        Given.Case(Opened(), Resolved()).When(Record(csat: null, nps: 3, comment: null)).Then(Satisfaction(null, 3) with { Comment = null });
    }

    [Fact]
    public void GivenOpenCase_WhenSatisfactionRecorded_ThenCaseNotResolved()
    {
        Given.Case(Opened()).When(Record()).ThenError(DomainErrors.SatisfactionCaseNotResolved);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void GivenResolvedCase_WhenCsatIsOutsideOneToFive_ThenCsatOutOfRange(int csat)
    {
        var error = Given.Case(Opened(), Resolved()).When(Record(csat: csat)).ThenError(DomainErrors.SatisfactionCsatOutOfRange);

        Assert.Equal("csat", error.Field);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void GivenResolvedCase_WhenNpsIsOutsideZeroToTen_ThenNpsOutOfRange(int nps)
    {
        Given.Case(Opened(), Resolved()).When(Record(nps: nps)).ThenError(DomainErrors.SatisfactionNpsOutOfRange);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(5, 10)]
    public void GivenResolvedCase_WhenScoresAreAtTheBounds_ThenSatisfactionRecorded(int csat, int nps)
    {
        Given.Case(Opened(), Resolved()).When(Record(csat, nps)).Then(Satisfaction(csat, nps));
    }

    [Fact]
    public void GivenResolvedCase_WhenNeitherScoreIsGiven_ThenSatisfactionEmpty()
    {
        Given.Case(Opened(), Resolved()).When(Record(null, null)).ThenError(DomainErrors.SatisfactionEmpty);
    }

    [Fact]
    public void GivenRecordedSatisfaction_WhenRecordedAgain_ThenAlreadyRecorded()
    {
        Given.Case(Opened(), Resolved(), Satisfaction()).When(Record(csat: 1)).ThenError(DomainErrors.SatisfactionAlreadyRecorded);
    }

    [Fact]
    public void GivenResolvedCase_WhenCommentIsOverlong_ThenTextTooLong()
    {
        Given.Case(Opened(), Resolved()).When(Record(comment: new string('c', TextLimits.Document + 1))).ThenError(DomainErrors.TextTooLong);
    }

    [Fact]
    public void GivenNoCase_WhenSatisfactionRecorded_ThenCaseNotFound()
    {
        Given.Case().When(Record()).ThenError(DomainErrors.CaseNotFound);
    }
}
