using System.Text.Json;

namespace Callout.Dashboard.Domain.Tests.Contracts;

/// <summary>The hub's delta as JSON: every list of <see cref="BoardLists.All"/>, changed entries and removed keys.</summary>
public sealed class BoardDeltaMessageTests
{
    private static readonly Freshness s_fresh = new(null, true, null, null, null);
    private static readonly DateTimeOffset s_at = new(2026, 1, 15, 10, 0, 0, TimeSpan.FromHours(1));
    private static readonly BoardSnapshot s_empty = new(s_at, 1, "Europe/Oslo", s_fresh, [], [], [], [], [], [], 0, []);

    [Fact]
    public void Between_CallAddedAgentGone_NamesEveryListAndKeepsKeyTypes()
    {
        var before = s_empty with { Agents = [new AgentView(1001, "Kari", null, AgentPresence.LoggedOn, null, s_at, false, new AgentActivity(ActivityState.Free, s_at), AgentToday.None)] };
        var after = s_empty with { Version = 2, ActiveCallouts = [new ActiveCallout("9876543210987654321", "__Callout_X", 1002, "+47 ••• •• 222", s_at, ActiveState.InProgress)] };

        var delta = BoardDeltaMessage.Between(before, after);
        var json = JsonSerializer.SerializeToElement(delta, BoardJson.Options);

        Assert.False(delta.IsEmpty);
        Assert.Equal((2, 1), (json.GetProperty("version").GetInt32(), json.GetProperty("previousVersion").GetInt32()));
        foreach (var list in BoardLists.All)
        {
            Assert.Equal(JsonValueKind.Array, json.GetProperty(list.Name).ValueKind);
            Assert.Equal(JsonValueKind.Array, json.GetProperty("removed").GetProperty(list.Name).ValueKind);
        }
        var added = Assert.Single(json.GetProperty("activeCallouts").EnumerateArray());
        Assert.Equal(("9876543210987654321", "in-progress"), (added.GetProperty("callId").GetString(), added.GetProperty("state").GetString()));
        Assert.Equal(1001, Assert.Single(json.GetProperty("removed").GetProperty("agents").EnumerateArray()).GetInt32());
        Assert.Single(delta.Changed(BoardLists.ActiveCallouts));
    }

    [Fact]
    public void Between_SameSnapshot_IsEmpty()
    {
        Assert.True(BoardDeltaMessage.Between(s_empty, s_empty with { Version = 2 }).IsEmpty);
    }
}
