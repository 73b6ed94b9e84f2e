namespace Callout.Dashboard.Domain.Tests;

/// <summary>
/// The rules of Puzzel's "Outgoing calls" page that §8 of the domain notes got wrong or left out (§9.1–9.4),
/// each from the page's own sentence, with the rows as Puzzel writes them: the order session first, then the
/// whole call rewritten with new rec_ids when the call session lands.
/// </summary>
public sealed class SeedRuleTests
{
    private static readonly DateTime s_ordered = At(10, 0);
    private static readonly DateTime s_calls = Rows.CallStart(s_ordered);

    /// <summary>
    /// "If the Puzzel agent clicks 'Cancel' instead of Softphone hang up after having clicked Call, this results in
    /// an extra Queue event with result=d (deleted) in addition to the first queue event with result q (and
    /// conversation event(s))." Cancel is mostly clicked while the destination rings: the agent leg is answered.
    /// </summary>
    [Theory]
    [InlineData("k", "h")] // Cancel while the destination rang
    [InlineData("k", "t")]
    [InlineData("h", null)] // Cancel before the agent leg was answered
    public void Classify_QueueDeletedWithConversationRows_IsCancelledByTheAgent(string agentResult, string? contactResult)
    {
        var board = new BoardHarness(At(10, 30));
        board.Apply(Rows.Ordered(7001, s_ordered, agentId: Rows.AgentId));
        CallEventRow[] legs = contactResult is null
            ? [Rows.AgentLeg(7001, s_calls, agentResult, durationSec: 8, speakSec: 0)]
            : [Rows.AgentLeg(7001, s_calls, agentResult, durationSec: 30, speakSec: 25), Rows.ContactLeg(7001, s_calls.AddSeconds(5), contactResult, durationSec: 20, speakSec: 0)];

        board.Apply(Rows.Rewritten([.. Rows.Ordered(7001, s_ordered, agentId: Rows.AgentId), .. legs, Rows.Queue(7001, s_calls.AddSeconds(30), "d", recId: 9, sequence: 9)], firstRecId: 100));

        var snapshot = board.Snapshot();
        var cancelled = Assert.Single(snapshot.RecentCancelled);
        Assert.Equal((CancelKind.Cancelled, Rows.AgentId), (cancelled.Kind, cancelled.AgentId));
        Assert.Empty(snapshot.RecentCallouts);
        Assert.Empty(snapshot.ActiveCallouts);
    }

    /// <summary>"If an agent or an administrator deletes an ordered scheduled call before the scheduled time, a new queue event with result=d (deleted) with the same call_id is created."</summary>
    [Fact]
    public void Classify_QueueDeletedWithoutConversationRows_IsDeleted()
    {
        var board = new BoardHarness(At(10, 30));

        board.Apply(Rows.Rewritten([.. Rows.Ordered(7001, s_ordered, initiationSec: 7200, agentId: Rows.AgentId), Rows.Queue(7001, At(10, 20), "D ", recId: 9, sequence: 3)], firstRecId: 100));

        var cancelled = Assert.Single(board.Snapshot().RecentCancelled);
        Assert.Equal((CancelKind.Deleted, Rows.AgentId, Rows.AgentId), (cancelled.Kind, cancelled.AgentId, cancelled.OrderedByAgentId));
    }

    /// <summary>"If the agent transfers to another agent, this new agent's conversation event will also get ciq='a' since this is in the same 'ciq' session."</summary>
    [Fact]
    public void Classify_AgentLegOfAnotherAgentAfterTheAnsweredOne_IsTransferredToAnAgent()
    {
        var board = new BoardHarness(At(10, 30));
        var toAgent = Rows.AgentLeg(7001, s_calls.AddSeconds(60), agentId: Rows.OtherAgentId, recId: 5, sequence: 5) with { QueueKey = null, LegType = "TransferAgent" };

        board.Apply(Rows.Rewritten([.. Rows.Completed(7001, s_ordered), toAgent], firstRecId: 200));

        var call = Assert.Single(board.Snapshot().RecentCallouts);
        Assert.Equal((true, TransferTarget.Agent, Rows.AgentId, CalloutOutcome.Answered), (call.Transferred, call.TransferredTo, call.AgentId, call.Outcome));
    }

    /// <summary>"If the agent transfers to a number, this number's conversation event will have ciq='null'." Without the call_transfer flag.</summary>
    [Fact]
    public void Classify_LegWithoutCiqOrAgentAfterTheAnsweredOne_IsTransferredToANumber()
    {
        var board = new BoardHarness(At(10, 30));
        var toNumber = Rows.ContactLeg(7001, s_calls.AddSeconds(70), recId: 5, sequence: 5) with { Ciq = null, QueueKey = null, Destination = "4733333333" };

        board.Apply(Rows.Rewritten([.. Rows.Completed(7001, s_ordered), toNumber], firstRecId: 200));

        var call = Assert.Single(board.Snapshot().RecentCallouts);
        Assert.Equal(TransferTarget.Number, call.TransferredTo);
    }

    /// <summary>"…or to a queue": the call goes through that queue after the answered agent leg.</summary>
    [Fact]
    public void Classify_QueueEventAfterTheAnsweredAgentLeg_IsTransferredToAQueue()
    {
        var board = new BoardHarness(At(10, 30));
        var toQueue = Rows.Queue(7001, s_calls.AddSeconds(60), "k", queueKey: "Inbound_Support", recId: 5, sequence: 5);
        var agentThere = Rows.AgentLeg(7001, s_calls.AddSeconds(80), agentId: Rows.OtherAgentId, recId: 6, sequence: 6) with { QueueKey = "Inbound_Support", Ciq = null };

        board.Apply(Rows.Rewritten([.. Rows.Completed(7001, s_ordered), toQueue, agentThere], firstRecId: 200));

        Assert.Equal(TransferTarget.Queue, Assert.Single(board.Snapshot().RecentCallouts).TransferredTo);
    }

    /// <summary>
    /// "If this happens, you might find a call_id with several conversation events to the agent (ciq=a) all with result
    /// b, c and/or e. If a call to the agent finally got answered (result=k), there will also be a conversation event to
    /// the called number (ciq=c)." Retries of the same agent are not a transfer.
    /// </summary>
    [Fact]
    public void Classify_FailedAgentLegsBeforeTheAnsweredOne_AreRetriesNotATransfer()
    {
        var board = new BoardHarness(At(10, 30));
        var rows = Rows.Rewritten(
            [
                .. Rows.Ordered(7001, s_ordered),
                Rows.AgentLeg(7001, s_calls, "b", durationSec: 3, speakSec: 0, recId: 3, sequence: 3),
                Rows.AgentLeg(7001, s_calls.AddSeconds(10), "e", durationSec: 3, speakSec: 0, recId: 4, sequence: 4),
                Rows.AgentLeg(7001, s_calls.AddSeconds(20), "k", recId: 5, sequence: 5),
                Rows.ContactLeg(7001, s_calls.AddSeconds(25), recId: 6, sequence: 6),
            ],
            firstRecId: 100);

        board.Apply(rows);

        var call = Assert.Single(board.Snapshot().RecentCallouts);
        Assert.Equal((CalloutOutcome.Answered, false, (TransferTarget?)null), (call.Outcome, call.Transferred, call.TransferredTo));
    }

    /// <summary>
    /// "If 'to any agent' was chosen, the first ready agent on the relevant queue is selected", and "If the agent is logged
    /// off at T1 … the request is sent to another agent": once the calls are made, the callout is the making agent's.
    /// </summary>
    [Theory]
    [InlineData(Rows.AgentId)] // "to me", the reserved agent logged off at T1
    [InlineData(null)] // "to any agent"
    public void Classify_ScheduledCallMadeByAnotherAgent_KeepsBothAgents(int? reserved)
    {
        var board = new BoardHarness(At(12, 0));
        var due = s_ordered.AddHours(1);
        board.Apply(Rows.Ordered(7001, s_ordered, initiationSec: 3600, agentId: reserved));
        Assert.Equal(reserved, Assert.Single(board.Snapshot().ScheduledPending).AgentId);

        board.Apply(Rows.Rewritten(
            [
                .. Rows.Ordered(7001, s_ordered, initiationSec: 3600, agentId: reserved),
                Rows.AgentLeg(7001, due.AddSeconds(30), agentId: Rows.OtherAgentId),
                Rows.ContactLeg(7001, due.AddSeconds(35)),
            ],
            firstRecId: 100));

        var call = Assert.Single(board.Snapshot().RecentCallouts);
        Assert.Equal((Rows.OtherAgentId, reserved, false), (call.AgentId, call.OrderedByAgentId, call.Transferred));
    }

    /// <summary>Not reached at all: the callout is the last agent leg's agent.</summary>
    [Fact]
    public void Classify_OnlyFailedAgentLegs_BelongToTheLastAgentTried()
    {
        var board = new BoardHarness(At(10, 30));

        board.Apply(Rows.Rewritten(
            [
                .. Rows.Ordered(7001, s_ordered, initiationSec: 120),
                Rows.AgentLeg(7001, s_calls, "t", durationSec: 20, speakSec: 0, agentId: Rows.AgentId),
                Rows.AgentLeg(7001, s_calls.AddSeconds(40), "t", durationSec: 20, speakSec: 0, agentId: Rows.OtherAgentId, recId: 4, sequence: 4),
            ],
            firstRecId: 100));

        var call = Assert.Single(board.Snapshot().RecentCallouts);
        Assert.Equal((CalloutOutcome.AgentNotReached, Rows.OtherAgentId, (int?)null), (call.Outcome, call.AgentId, call.OrderedByAgentId));
    }

    /// <summary>"If Pause is clicked while connected, the agent will be in status [Connected and Pause] at the same time."</summary>
    [Fact]
    public void Snapshot_PauseClickedAfterTheCalloutWasOrdered_IsConnectedAndPause()
    {
        var board = new BoardHarness(At(10, 5));
        board.ApplyAgents(Rows.AgentEvent("i", At(8, 0)));
        board.Apply(Rows.Ordered(7001, s_ordered, agentId: Rows.AgentId));

        board.ApplyAgents(Rows.AgentEvent("p", At(10, 2), pauseType: "Coffee"));

        var agent = Assert.Single(board.Snapshot().Agents);
        Assert.Equal((AgentPresence.Paused, "Coffee", true), (agent.Status, agent.PauseType, agent.ConnectedAndPause));
    }

    /// <summary>
    /// "If the agent Calls out while in status Pause, the pause will be aborted (a Return from pause event is created)."
    /// Until that 'r' lands, the pause began before the callout: not Connected-and-Pause, and no longer paused.
    /// </summary>
    [Fact]
    public void Snapshot_CalloutOrderedDuringAPauseWhoseReturnHasNotLanded_IsLoggedOnNotConnectedAndPause()
    {
        var board = new BoardHarness(At(10, 5));
        board.ApplyAgents(Rows.AgentEvent("i", At(8, 0)), Rows.AgentEvent("p", At(9, 30), pauseType: "Lunch"));

        board.Apply(Rows.Ordered(7001, s_ordered, agentId: Rows.AgentId));

        var agent = Assert.Single(board.Snapshot().Agents);
        Assert.Equal((AgentPresence.LoggedOn, null, false), (agent.Status, agent.PauseType, agent.ConnectedAndPause));
        AssertTime.Same(Local(s_ordered), agent.Since);

        // The 'r' lands: the same status, now from the agent's own events.
        board.ApplyAgents(Rows.AgentEvent("r", s_ordered.AddSeconds(-1)));
        agent = Assert.Single(board.Snapshot().Agents);
        Assert.Equal((AgentPresence.LoggedOn, false), (agent.Status, agent.ConnectedAndPause));
    }

    /// <summary>The seed's advice, "click Pause when in status wrap-up", looks like Connected-and-Pause until the call's rows land.</summary>
    [Fact]
    public void Snapshot_PauseInWrapUp_IsConnectedAndPauseUntilTheConversationRowsLand()
    {
        var board = new BoardHarness(At(10, 5));
        board.Apply(Rows.Ordered(7001, s_ordered, agentId: Rows.AgentId));
        board.ApplyAgents(Rows.AgentEvent("p", At(10, 2, 30), pauseType: "Admin"));
        Assert.True(Assert.Single(board.Snapshot().Agents).ConnectedAndPause);

        board.Apply(Rows.Completed(7001, s_ordered));

        var agent = Assert.Single(board.Snapshot().Agents);
        Assert.Equal((AgentPresence.Paused, false), (agent.Status, agent.ConnectedAndPause));
    }

    /// <summary>On the morning DST starts, an hour before 03:06 is 01:06 (02:xx never was): "recent" is an hour of elapsed time.</summary>
    [Fact]
    public void Snapshot_RecentWindowOverTheSpringDstChange_IsAnHourOfElapsedTime()
    {
        var board = new BoardHarness(new DateTime(2026, 3, 29, 3, 6, 0));

        // Ended 01:57 CET: nine minutes before 03:06 CEST.
        board.Apply(Rows.Completed(7001, new DateTime(2026, 3, 29, 1, 55, 0)));

        Assert.Single(board.Snapshot().RecentCallouts);
    }

    /// <summary>
    /// "About Display number: The initiation event's source is the Puzzel 'access number' used for callout", while the
    /// same page calls it "the called number": the contact leg's destination is the called number in both readings.
    /// </summary>
    [Fact]
    public void Classify_InitiationSourceIsTheAccessNumber_TheContactLegNamesTheCalledNumber()
    {
        var board = new BoardHarness(At(10, 30));
        board.Apply(Rows.Ordered(7001, s_ordered).Select(r => r.EventType == "i" ? r with { Source = Rows.AccessPoint } : r));
        Assert.Equal(Rows.AccessPoint, Assert.Single(board.Snapshot().ActiveCallouts).Destination);

        board.Apply(Rows.Completed(7001, s_ordered).Select(r => r.EventType == "i" ? r with { Source = Rows.AccessPoint } : r));

        Assert.Equal(Rows.Number, Assert.Single(board.Snapshot().RecentCallouts).Destination);
    }

    /// <summary>The callout from Pause ended before its late 'r' landed: the pause was still aborted by it.</summary>
    [Fact]
    public void Snapshot_CalloutFromPauseFinishedBeforeItsReturnLanded_IsLoggedOn()
    {
        var board = new BoardHarness(At(10, 10));
        board.ApplyAgents(Rows.AgentEvent("i", At(8, 0)), Rows.AgentEvent("p", At(9, 30), pauseType: "Lunch"));

        board.Apply(Rows.Completed(7001, s_ordered));

        var agent = Assert.Single(board.Snapshot().Agents);
        Assert.Equal((AgentPresence.LoggedOn, false), (agent.Status, agent.ConnectedAndPause));
        // Views filtered to another queue say the same of the agent.
        Assert.Equal(AgentPresence.LoggedOn, Assert.Single(board.Snapshot(Rows.QueueX).Agents).Status);
    }

    /// <summary>A scheduled call the queue gave a paused agent's colleague says nothing of that agent's pause; nor is it called out from a pause.</summary>
    [Fact]
    public void Snapshot_ScheduledCallMadeAfterThePauseBegan_DoesNotEndThePause()
    {
        var board = new BoardHarness(At(11, 10));
        board.ApplyAgents(Rows.AgentEvent("i", At(8, 0)), Rows.AgentEvent("p", At(9, 30), pauseType: "Lunch"));

        board.Apply(Rows.Rewritten(
            [.. Rows.Ordered(7001, s_ordered, initiationSec: 3600), Rows.AgentLeg(7001, At(11, 0)), Rows.ContactLeg(7001, At(11, 0, 5))],
            firstRecId: 100));

        Assert.Equal(AgentPresence.Paused, Assert.Single(board.Snapshot().Agents).Status);
    }

    /// <summary>Put through another queue, the call's leg there is that queue's ordinary conversation, without ciq: no odd row.</summary>
    [Fact]
    public void Classify_LegInTheQueueItWasTransferredTo_IsNoOddRow()
    {
        var board = new BoardHarness(At(10, 30));
        var toQueue = Rows.Queue(7001, s_calls.AddSeconds(60), "k", queueKey: "Inbound_Support", recId: 5, sequence: 5);
        var agentThere = Rows.AgentLeg(7001, s_calls.AddSeconds(80), agentId: Rows.OtherAgentId, recId: 6, sequence: 6) with { QueueKey = "Inbound_Support", Ciq = null };

        var result = board.Apply(Rows.Rewritten([.. Rows.Completed(7001, s_ordered), toQueue, agentThere], firstRecId: 200));

        Assert.Empty(result.Anomalies);
    }
}
