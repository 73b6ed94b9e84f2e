namespace Callout.Dashboard.Domain.Tests;

/// <summary>Scenarios A, B, C, H and I of the domain notes (§4): a callout whose Conversation rows landed.</summary>
public sealed class CompletedCalloutTests
{
    [Fact]
    public void Snapshot_AnsweredCallout_IsRecentAnsweredWithContactLegTalkTime()
    {
        var board = new BoardHarness(At(10, 30));

        var result = board.Apply(Rows.Completed(7001, At(10, 0)));

        Assert.Empty(result.Anomalies);
        var snapshot = board.Snapshot();
        var call = Assert.Single(snapshot.RecentCallouts);
        Assert.Equal("7001", call.CallId);
        Assert.Equal(CalloutOutcome.Answered, call.Outcome);
        Assert.Equal(80, call.TalkSeconds); // the contact leg's speak time, not the agent leg's 90
        Assert.Equal(Rows.AgentId, call.AgentId);
        Assert.Equal(Rows.Number, call.Destination);
        Assert.Equal(Rows.QueueX, call.QueueKey);
        Assert.False(call.Transferred);
        AssertTime.Same(Local(At(10, 0)), call.OrderedAt);
        // Agent leg 10:00:05 + 95 s ends after the contact leg 10:00:10 + 85 s.
        AssertTime.Same(Local(At(10, 1, 40)), call.EndedAt);
        Assert.Empty(snapshot.ActiveCallouts);
        Assert.Empty(snapshot.ScheduledPending);
        Assert.Empty(snapshot.RecentCancelled);
        var queue = Assert.Single(snapshot.Queues);
        Assert.Equal(new QueueSummary(Rows.QueueX, Rows.QueueX, 0, 0, 0, 1, 0), queue);
    }

    [Theory]
    [InlineData("h")] // the agent pressed Hang up while the destination rang
    [InlineData("t")] // ringing timeout
    [InlineData("c")] // set-up timeout
    [InlineData("q")] // hung up during set-up
    public void Snapshot_ContactLegNotAnswered_IsNoAnswerWithoutTalkTime(string contactResult)
    {
        var board = new BoardHarness(At(10, 30));

        var result = board.Apply(Rows.Completed(7001, At(10, 0), contactResult));

        Assert.Empty(result.Anomalies);
        var snapshot = board.Snapshot();
        var call = Assert.Single(snapshot.RecentCallouts);
        Assert.Equal(CalloutOutcome.NoAnswer, call.Outcome);
        Assert.Equal(0, call.TalkSeconds);
        var queue = Assert.Single(snapshot.Queues);
        Assert.Equal(0, queue.AnsweredToday);
        Assert.Equal(1, queue.NotAnsweredToday);
    }

    [Theory]
    [InlineData("b", CalloutOutcome.Busy)]
    [InlineData("e", CalloutOutcome.Error)]
    public void Snapshot_ContactLegBusyOrError_HasThatOutcome(string contactResult, CalloutOutcome expected)
    {
        var board = new BoardHarness(At(10, 30));

        board.Apply(Rows.Completed(7001, At(10, 0), contactResult));

        var call = Assert.Single(board.Snapshot().RecentCallouts);
        Assert.Equal(expected, call.Outcome);
        Assert.Equal(0, call.TalkSeconds);
        Assert.Equal(1, Assert.Single(board.Snapshot().Queues).NotAnsweredToday);
    }

    [Fact]
    public void Snapshot_AgentLegMarkedCallTransfer_IsTransferred()
    {
        var board = new BoardHarness(At(10, 30));
        var rows = Rows.Completed(7001, At(10, 0));
        rows[2] = rows[2] with { CallTransfer = true };

        board.Apply(rows);

        var call = Assert.Single(board.Snapshot().RecentCallouts);
        Assert.True(call.Transferred);
        Assert.Equal(CalloutOutcome.Answered, call.Outcome);
    }

    [Fact]
    public void Snapshot_ExtraConversationWithoutQueueKeyAndCiq_IsTransferred()
    {
        var board = new BoardHarness(At(10, 30));
        var start = Rows.CallStart(At(10, 0));
        // A transfer to agent 1002 adds a Conversation row with neither queue key nor ciq (§4 H).
        var transfer = Rows.AgentLeg(7001, start.AddSeconds(60), agentId: Rows.OtherAgentId) with { QueueKey = null, Ciq = null, LegType = "TransferAgent" };
        var rows = Rows.Rewritten([.. Rows.Completed(7001, At(10, 0)), transfer], firstRecId: 200);

        var result = board.Apply(rows);

        Assert.Empty(result.Anomalies);
        var call = Assert.Single(board.Snapshot().RecentCallouts);
        Assert.True(call.Transferred);
        Assert.Equal(Rows.AgentId, call.AgentId); // still the ordering agent
    }

    [Theory]
    [InlineData("b")]
    [InlineData("c")]
    [InlineData("e")]
    [InlineData("t")]
    public void Snapshot_OnlyFailedAgentLegs_IsAgentNotReached(string agentResult)
    {
        var board = new BoardHarness(At(10, 30));
        var start = Rows.CallStart(At(10, 0));
        var rows = Rows.Rewritten(
            [
                .. Rows.Ordered(7001, At(10, 0)),
                Rows.AgentLeg(7001, start, agentResult, durationSec: 20, speakSec: 0),
            ],
            firstRecId: 100);

        board.Apply(rows);

        var snapshot = board.Snapshot();
        var call = Assert.Single(snapshot.RecentCallouts);
        Assert.Equal(CalloutOutcome.AgentNotReached, call.Outcome);
        Assert.Equal(Rows.AgentId, call.AgentId);
        Assert.Empty(snapshot.ActiveCallouts);
        Assert.Equal(1, Assert.Single(snapshot.Queues).NotAnsweredToday);
    }

    [Fact]
    public void Snapshot_RepeatedFailedAgentLegs_IsAgentNotReachedOnce()
    {
        var board = new BoardHarness(At(10, 30));
        var start = Rows.CallStart(At(10, 0));
        var rows = Rows.Rewritten(
            [
                .. Rows.Ordered(7001, At(10, 0)),
                Rows.AgentLeg(7001, start, "e", durationSec: 3, speakSec: 0),
                Rows.AgentLeg(7001, start.AddSeconds(30), "b", durationSec: 3, speakSec: 0),
                Rows.AgentLeg(7001, start.AddSeconds(60), "c", durationSec: 30, speakSec: 0),
            ],
            firstRecId: 100);

        board.Apply(rows);

        var snapshot = board.Snapshot();
        var call = Assert.Single(snapshot.RecentCallouts);
        Assert.Equal(CalloutOutcome.AgentNotReached, call.Outcome);
        AssertTime.Same(Local(start.AddSeconds(90)), call.EndedAt);
        Assert.Equal(1, Assert.Single(snapshot.Queues).NotAnsweredToday);
    }
}
