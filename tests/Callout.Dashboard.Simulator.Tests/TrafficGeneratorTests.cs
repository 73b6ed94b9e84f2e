namespace Callout.Dashboard.Simulator.Tests;

public sealed class TrafficGeneratorTests
{
    [Fact]
    public void Run_FourSeededHours_BoardSeesEveryState()
    {
        var centre = new SimulatedCentre(seed: 1);
        var seen = new HashSet<string>();

        centre.Run(TimeSpan.FromHours(4), snapshot =>
        {
            seen.UnionWith(snapshot.ActiveCallouts.Select(c => "active:" + c.State));
            seen.UnionWith(snapshot.RecentCallouts.Select(c => "outcome:" + c.Outcome));
            seen.UnionWith(snapshot.RecentCallouts.Where(c => c.Transferred).Select(c => "transferred:" + c.TransferredTo));
            seen.UnionWith(snapshot.ScheduledPending.Select(s => s.Overdue ? "scheduled:overdue" : "scheduled:waiting"));
            seen.UnionWith(snapshot.RecentCancelled.Select(c => "cancel:" + c.Kind));
            seen.UnionWith(snapshot.Agents.Select(a => "agent:" + a.Status));
            seen.UnionWith(snapshot.Agents.Where(a => a.ConnectedAndPause).Select(_ => "connected-and-pause"));
            seen.UnionWith(snapshot.Agents.Where(a => a.PauseType is not null).Select(_ => "pause-type"));
            if (snapshot.AgentToAgentToday > 0)
            {
                seen.Add("agent-to-agent");
            }
        });

        string[] expected =
        [
            "active:InProgress", "outcome:Answered", "outcome:NoAnswer", "outcome:Busy", "outcome:Error", "outcome:AgentNotReached",
            "transferred:Agent", "transferred:Number", "transferred:Queue", "scheduled:waiting", "scheduled:overdue", "cancel:Cancelled", "cancel:Deleted",
            "agent:LoggedOn", "agent:Paused", "connected-and-pause", "pause-type", "agent-to-agent",
        ];
        Assert.Empty(expected.Except(seen));
    }

    [Fact]
    public void Run_InboundCalls_NeverReachTheBoard()
    {
        var centre = new SimulatedCentre(seed: 2);
        centre.Run(TimeSpan.FromHours(2));

        var inbound = centre.Writes.OfType<CallWrite>().Where(w => w.Rows.Any(r => r.QueueKey == "Inbound_Sales")).Select(w => w.CallId).ToHashSet();
        Assert.NotEmpty(inbound);
        Assert.DoesNotContain(centre.Board.State.Calls.Keys, inbound.Contains);
    }

    [Fact]
    public void Writes_Callouts_OrderSessionLandsBeforeConversationRows()
    {
        var centre = new SimulatedCentre(seed: 3);
        centre.Run(TimeSpan.FromHours(3));

        var callouts = centre.Writes.OfType<CallWrite>().Where(w => w.Rows.Any(r => r.QueueKey?.StartsWith("__Callout_", StringComparison.Ordinal) == true))
            .GroupBy(w => w.CallId).ToList();
        Assert.True(callouts.Count > 50);
        foreach (var call in callouts)
        {
            var first = call.First();
            Assert.Equal(["i", "q"], first.Rows.Select(r => r.EventType));
            Assert.Equal("q", first.Rows[1].ResultCode);
            // A write's rows share one stamp: the moment it became visible or, now and then, earlier (§9.5).
            Assert.All(call, w => Assert.Single(w.Rows.Select(r => r.DteUpdated).Distinct()));
            Assert.All(call, w => Assert.InRange(w.At - w.Rows[0].DteUpdated!.Value, TimeSpan.Zero, new CentreProfile().MaxLateVisibility));
        }
    }

    [Fact]
    public void Writes_Rewrites_CarryEveryEarlierRowAndLandAfterTheCallEnds()
    {
        var centre = new SimulatedCentre(seed: 4);
        centre.Run(TimeSpan.FromHours(3));

        foreach (var call in centre.Writes.OfType<CallWrite>().GroupBy(w => w.CallId).Where(g => g.Count() > 1))
        {
            var writes = call.OrderBy(w => w.At).ToList();
            for (var i = 1; i < writes.Count; i++)
            {
                var before = writes[i - 1].Rows.Select(Identity).ToHashSet();
                Assert.Superset(before, writes[i].Rows.Select(Identity).ToHashSet());
            }
            var last = writes[^1];
            Assert.All(last.Rows.Where(r => r.EventType == "c"), r => Assert.True(r.DteStart.AddSeconds(r.DurationTotSec) <= last.At, $"call {call.Key}: a conversation row landed before it ended"));
        }
    }

    [Fact]
    public void Writes_ScheduledCalls_AreDueInTheFutureWhenOrdered()
    {
        var centre = new SimulatedCentre(seed: 5);
        centre.Run(TimeSpan.FromHours(3));

        var scheduled = centre.Writes.OfType<CallWrite>().GroupBy(w => w.CallId).Select(g => g.First())
            .Where(w => w.Rows.Any(r => r.EventType == "i" && r.DurationTotSec > 60 && r.Source != PuzzelCodes.AgentToAgentSource && w.Rows.Any(q => q.QueueKey?.StartsWith("__Callout_", StringComparison.Ordinal) == true)))
            .ToList();
        Assert.True(scheduled.Count > 5);
        foreach (var order in scheduled)
        {
            var initiation = order.Rows.Single(r => r.EventType == "i");
            var due = initiation.DteStart.AddSeconds(initiation.DurationTotSec);
            Assert.True(due > order.At, $"call {order.CallId} is due at {due}, before its order landed at {order.At}");
            if (initiation.DteScheduledCallback is { } callback)
            {
                Assert.Equal(due, TimeZoneInfo.ConvertTime(callback, Oslo.Zone).DateTime);
            }
        }
    }

    [Fact]
    public void Advance_SameSeed_SameWrites_OtherSeed_OtherWrites()
    {
        static List<string> Run(int seed)
        {
            var generator = new TrafficGenerator(new CentreProfile { TimeZone = Oslo.Zone }, seed, SimulatedCentre.Start);
            return [.. generator.Advance(SimulatedCentre.Start.AddHours(1)).Select(w => w.ToString() + string.Join(",", (w as CallWrite)?.Rows ?? []))];
        }

        Assert.Equal(Run(7), Run(7));
        Assert.NotEqual(Run(7), Run(8));
    }

    [Fact]
    public void Advance_CallIds_AreNineteenDigitsAndSomeExceedLong()
    {
        var generator = new TrafficGenerator(new CentreProfile { RatePerMinute = 60, TimeZone = Oslo.Zone }, 9, SimulatedCentre.Start);

        var ids = generator.Advance(SimulatedCentre.Start.AddHours(2)).OfType<CallWrite>().Select(w => w.CallId).Distinct().ToList();

        Assert.All(ids, id => Assert.Equal(19, id.ToString(System.Globalization.CultureInfo.InvariantCulture).Length));
        Assert.Contains(ids, id => id > long.MaxValue);
    }

    private static string Identity(CallEventRow row) => $"{row.EventType}|{row.Ciq}|{row.DteStart:O}|{row.ResultCode}|{row.AgentId}|{row.QueueKey}";
}
