using Crm.Domain.Cases;
using Crm.Domain.Common;
using static Crm.Tests.Domain.CaseHistory;

namespace Crm.Tests.Domain.Cases;

/// <summary>What the case state tracks for the rules and the case read model, built by Evolve alone.</summary>
public sealed class CaseStateTests
{
    [Fact]
    public void GivenAFullLifecycle_WhenReplayed_ThenTheStateTracksEveryMeasure()
    {
        var state = CaseDecider.Replay(
        [
            Opened(),
            new CaseAssigned(Id, CustomerId, Times.Minutes(5), Actors.Agent, Actors.Agent.Id, "Returns"),
            new CaseNoteAdded(Id, CustomerId, Times.Minutes(10), Actors.Agent, "internal", NoteVisibility.Internal),
            new CaseEscalated(Id, CustomerId, Times.Minutes(20), Actors.Agent, EscalationTier.Supervisor, Department.Logistics, "Lost parcel"),
            Reply(Times.Minutes(30)),
            ApprovalRequested(200m),
            Approved(),
            Refund(200m, Actors.Supervisor, at: Times.Hours(2)) with { ApprovalRequestId = RequestId },
            Resolved(),
            Reopened(),
            Resolved(Times.Hours(5)),
            FollowUpScheduled(),
            FollowUpCompleted(),
            Satisfaction(4, 8),
            Closed(Times.Days(3)),
        ]);

        Assert.Equal(CaseStatus.Closed, state.Status);
        Assert.Equal(CustomerId, state.CustomerId);
        Assert.Equal(CaseKind.Complaint, state.Kind);
        Assert.Equal(CaseCategory.DefectiveProduct, state.Category);
        Assert.Equal(Priority.Normal, state.Priority);
        Assert.Equal(new Assignee(Actors.Agent.Id, "Returns"), state.Assignee);
        Assert.Equal(EscalationTier.Supervisor, state.Tier);
        Assert.Equal(Department.Logistics, state.Department);
        Assert.Equal(2, state.NoteCount);
        Assert.Equal(TimeSpan.FromMinutes(30), state.FirstResponseTime);
        Assert.Equal(TimeSpan.FromHours(5), state.ResolutionTime);
        Assert.Equal(Times.Hours(3), state.FirstResolvedAt);
        Assert.Equal(1, state.ReopenCount);
        Assert.Equal(200m, state.RemedyTotal);
        Assert.Equal(RequestId, state.Remedies[RemedyId].ApprovalRequestId);
        Assert.False(state.HasPendingApproval);
        Assert.False(state.HasOpenFollowUp);
        Assert.True(state.FollowUps[FollowUpId].CustomerSatisfied);
        Assert.Equal(new Satisfaction(4, 8, Times.Hours(5)), state.Satisfaction);
        Assert.Equal(Times.Hours(8), state.FirstResponseDue);
        Assert.Equal(Times.Days(3), state.ResolutionDue);
        Assert.False(state.FirstResponseBreached);
        Assert.False(state.ResolutionBreached);
    }

    [Fact]
    public void GivenTwoReplaysOfTheSameEvents_ThenTheStatesAreEqual()
    {
        CaseEvent[] events = [Opened(), Refund(10m), ApprovalRequested(200m), FollowUpScheduled()];

        Assert.Equal(CaseDecider.Replay(events), CaseDecider.Replay(events.ToList()));
        Assert.NotEqual(CaseDecider.Replay(events), CaseDecider.Replay(events[..^1]));
    }

    [Theory]
    [InlineData(Channel.Phone, true)]
    [InlineData(Channel.Chat, true)]
    [InlineData(Channel.InPerson, true)]
    [InlineData(Channel.Email, false)]
    [InlineData(Channel.SocialMedia, false)]
    [InlineData(Channel.Mail, false)]
    public void OpeningCountsAsAResponseOnlyOnLiveChannels(Channel channel, bool isResponse)
    {
        Assert.Equal(isResponse, CaseRules.IsResponse(Opened(channel: channel)));
    }

    [Fact]
    public void AssignmentsEscalationsAndInternalNotesAreNotResponses()
    {
        Assert.False(CaseRules.IsResponse(new CaseAssigned(Id, CustomerId, Times.T0, Actors.Agent, null, "T")));
        Assert.False(CaseRules.IsResponse(new CaseEscalated(Id, CustomerId, Times.T0, Actors.Agent, EscalationTier.Manager, null, "r")));
        Assert.False(CaseRules.IsResponse(new CaseNoteAdded(Id, CustomerId, Times.T0, Actors.Agent, "n", NoteVisibility.Internal)));
        Assert.True(CaseRules.IsResponse(Reply(Times.T0)));
        Assert.True(CaseRules.IsResponse(Refund(1m)));
        Assert.True(CaseRules.IsResponse(Resolved()));
    }
}
