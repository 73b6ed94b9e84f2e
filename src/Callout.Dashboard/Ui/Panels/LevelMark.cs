using Callout.Dashboard.Contracts;
using Microsoft.AspNetCore.Components;

namespace Callout.Dashboard.Ui.Panels;

/// <summary>
/// An alarm's level on a row or tile as plain markup: icon and word (<see cref="AlarmTexts.Mark"/>), what the alarm
/// says as its tooltip. Rows build it into their shared markup, so it costs no component.
/// </summary>
public static class LevelMark
{
    public static MarkupString Of(BoardView view, AlarmView? alarm) => alarm is null ? new("") : new(
        $"<span class=\"level-mark\" title=\"{HtmlText.Encode(AlarmTexts.Sentence(view, alarm))}\">{HtmlText.Encode(AlarmTexts.Mark(alarm.Level, view.T))}</span>");

    /// <summary>A table cell's mark before its text, where the row has an alarm.</summary>
    public static RowWriter Mark(this RowWriter cells, BoardView view, AlarmView? alarm) =>
        alarm is null ? cells : cells.Markup(Of(view, alarm)).Text(" ");

    /// <summary>
    /// What a row's cached mark depends on: the alarm, and the names its tooltip says. Names only where there is an
    /// alarm, so the rows without one are not built again each time an agent's status changes.
    /// </summary>
    public static object Key(BoardView view, AlarmView? alarm) => (alarm, alarm is null ? null : view.Lookups);

    /// <summary>A wall row's first column: the mark, or nothing, in every row, so the columns line up from row to row.</summary>
    public static RowWriter WallMark(this RowWriter row, BoardView view, AlarmView? alarm) =>
        row.Span(alarm is null ? "" : AlarmTexts.Mark(alarm.Level, view.T), "level-mark");
}
