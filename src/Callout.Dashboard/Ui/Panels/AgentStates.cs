using Callout.Dashboard.Contracts;
using Callout.Dashboard.Domain.Alarms;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Callout.Dashboard.Ui.Panels;

/// <summary>How the agent views show what an agent is doing: an icon and a word per state (never colour alone), what the state concerns, and the order lists sort agents in.</summary>
public static class AgentStates
{
    public static string Word(ActivityState state, IStringLocalizer texts) => state switch
    {
        ActivityState.OnCallout => texts["Activity.OnCallout"],
        ActivityState.ConnectedAndPause => texts["Status.ConnectedAndPause"],
        ActivityState.Paused => texts["Status.Pause"],
        ActivityState.Free => texts["Activity.Free"],
        _ => texts["Status.LoggedOff"],
    };

    /// <summary>The state's icon and word, with a class per state (<c>activity-on-callout</c>, …) for the icon's colour.</summary>
    public static MarkupString Mark(ActivityState state, IStringLocalizer texts) =>
        new($"""<span class="activity activity-{Css(state)}">{Icon(state)}{HtmlText.Encode(Word(state, texts))}</span>""");

    public static string Icon(ActivityState state) => InlineIcon.Of(state switch
    {
        ActivityState.OnCallout => Icons.Material.Filled.PhoneForwarded,
        ActivityState.ConnectedAndPause => Icons.Material.Filled.PhonePaused,
        ActivityState.Paused => Icons.Material.Filled.PauseCircle,
        ActivityState.Free => Icons.Material.Filled.CheckCircle,
        _ => Icons.Material.Filled.PowerSettingsNew,
    });

    public static string Css(ActivityState state) => state switch
    {
        ActivityState.OnCallout => "on-callout",
        ActivityState.ConnectedAndPause => "connected-and-pause",
        ActivityState.Paused => "paused",
        ActivityState.Free => "free",
        _ => "logged-off",
    };

    /// <summary>What the state concerns: the queue of the call on a callout or in Connected-and-Pause, the reason of a pause.</summary>
    public static string Detail(AgentActivity activity, BoardView view) => activity.State switch
    {
        ActivityState.OnCallout or ActivityState.ConnectedAndPause => view.Queue(activity.QueueKey),
        ActivityState.Paused when !string.IsNullOrWhiteSpace(activity.PauseType) => activity.PauseType,
        _ => BoardView.Dash,
    };

    /// <summary>The time in the state, as the clock moves it.</summary>
    public static string Elapsed(BoardView view, AgentView agent) => Display.Elapsed(view.Now - agent.Activity.Since, view.T);

    /// <summary>Alarms first (the worse first), then working, stuck, paused, free, gone (the states' declared order), then by name.</summary>
    public static List<AgentView> ByAttention(BoardView view)
    {
        var alarms = view.Alarms;
        return [.. view.Snapshot.Agents
            .OrderByDescending(a => Rank(alarms.ForAgent(a.AgentId)))
            .ThenBy(a => a.Activity.State)
            .ThenBy(a => a.Name, StringComparer.CurrentCulture)
            .ThenBy(a => a.AgentId)];
    }

    /// <summary>No alarm 0, warning 1, alarm 2: for sorting.</summary>
    public static int Rank(AlarmLevel? level) => level is { } known ? (int)known + 1 : 0;
}
