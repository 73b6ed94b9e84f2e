using System.Globalization;
using Callout.Dashboard.Contracts;
using Callout.Dashboard.Domain.Alarms;
using Microsoft.Extensions.Localization;

namespace Callout.Dashboard.Ui;

/// <summary>
/// What an alarm says, in the page's language: the one place a rule becomes words, for the attention strip, the
/// alarm log and the tooltips of rows and tiles. The level is always an icon and a word, never colour alone, for
/// viewers who cannot tell amber from red.
/// </summary>
public static class AlarmTexts
{
    /// <summary>Two shapes the fonts of common TVs and desks have (an emoji like ⛔ shows as a box on many).</summary>
    public static string Icon(AlarmLevel level) => level == AlarmLevel.Alarm ? "✖" : "⚠";

    public static string Level(AlarmLevel level, IStringLocalizer texts) =>
        level == AlarmLevel.Alarm ? texts["Alarm.LevelAlarm"] : texts["Alarm.LevelWarning"];

    /// <summary>The icon and the word: "⚠ warning".</summary>
    public static string Mark(AlarmLevel level, IStringLocalizer texts) => $"{Icon(level)} {Level(level, texts)}";

    /// <summary>The level as the page's scripts read it (<c>data-level</c>).</summary>
    public static string DataLevel(AlarmLevel level) => BoardJson.Name(level);

    /// <summary>The rule as the API and the page's scripts name it (<c>data-rule</c>).</summary>
    public static string DataRule(AlarmRule rule) => BoardJson.Name(rule);

    public static string Sentence(BoardView view, AlarmView alarm) =>
        Sentence(view, alarm.Rule, alarm.Value, alarm.Threshold, alarm.Unit, alarm.QueueKey, alarm.AgentId, alarm.PauseType);

    /// <summary>The log entry at its worst.</summary>
    public static string Sentence(BoardView view, AlarmLogEntry entry) =>
        Sentence(view, entry.Rule, entry.PeakValue, entry.Threshold, entry.Unit, entry.QueueKey, entry.AgentId, entry.PauseType);

    /// <summary>When it began, as a time and how long ago: "since 10:42 · 12 min".</summary>
    public static string Since(BoardView view, DateTimeOffset since) =>
        view.T["Attention.Since", Display.ClockTime(since), Display.Elapsed(view.Now - since, view.T)];

    private static string Sentence(BoardView view, AlarmRule rule, double value, double threshold, AlarmUnit unit, string? queueKey, int? agentId, string? pauseType)
    {
        var t = view.T;
        var (amount, limit) = (Amount(value, unit, t), Amount(threshold, unit, t));
        var queue = view.Queue(queueKey);
        var agent = view.Agent(agentId);
        return rule switch
        {
            AlarmRule.ScheduledOverdue => t["Alarm.ScheduledOverdue", queue, amount, limit],
            AlarmRule.OverdueCount => t["Alarm.OverdueCount", queue, amount, limit],
            AlarmRule.OpenCallout when agentId is not null => t["Alarm.OpenCalloutBy", queue, agent, amount, limit],
            AlarmRule.OpenCallout => t["Alarm.OpenCallout", queue, amount, limit],
            AlarmRule.AnswerRateHour => t["Alarm.AnswerRateHour", queue, amount, limit],
            AlarmRule.AnswerRateToday => t["Alarm.AnswerRateToday", queue, amount, limit],
            AlarmRule.CancelledShareHour => t["Alarm.CancelledShareHour", queue, amount, limit],
            AlarmRule.LongPause when !string.IsNullOrWhiteSpace(pauseType) => t["Alarm.LongPauseOf", agent, pauseType, amount, limit],
            AlarmRule.LongPause => t["Alarm.LongPause", agent, amount, limit],
            AlarmRule.ConnectedAndPause => t["Alarm.ConnectedAndPause", agent, amount, limit],
            AlarmRule.AgentNotReachable => t["Alarm.AgentNotReachable", agent, queue, amount, limit],
            // A failing poll alarms at once, however young the newest row: the value is then below the limit.
            AlarmRule.DataAge when value <= threshold => t["Alarm.DataFailing", amount],
            AlarmRule.DataAge => t["Alarm.DataAge", amount, limit],
            AlarmRule.DueSoon => t["Alarm.DueSoon", queue, amount, limit],
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
        };
    }

    private static string Amount(double value, AlarmUnit unit, IStringLocalizer texts) => unit switch
    {
        AlarmUnit.Seconds => Display.Elapsed(TimeSpan.FromSeconds(value), texts),
        AlarmUnit.Percent => texts["Alarm.Percent", value],
        _ => value.ToString("N0", CultureInfo.CurrentCulture),
    };
}
