using System.Globalization;
using Callout.Dashboard.LiveBoard;

namespace Callout.Dashboard.Ui;

/// <summary>Formatting shared by the panels.</summary>
public static class Display
{
    /// <summary>A phone number for the screen, masked as <see cref="NumberMasking.Masked"/> does.</summary>
    public static string Phone(string? number, bool mask) =>
        string.IsNullOrWhiteSpace(number) ? BoardView.Dash : mask ? NumberMasking.Masked(number) : number.Trim();

    /// <summary>Elapsed time, compact: 45 s, 12 min, 2 h 05 min.</summary>
    public static string Elapsed(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }
        return span.TotalSeconds < 60 ? $"{(int)span.TotalSeconds} s"
            : span.TotalMinutes < 60 ? $"{(int)span.TotalMinutes} min"
            : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h {span.Minutes:00} min");
    }

    /// <summary>Time to a due moment as h:mm:ss or m:ss; past due it counts up with a leading +.</summary>
    public static string Countdown(TimeSpan untilDue)
    {
        var sign = untilDue < TimeSpan.Zero ? "+" : "";
        var span = untilDue.Duration();
        var text = span.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}:{span.Minutes:00}:{span.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{span.Minutes}:{span.Seconds:00}");
        return sign + text;
    }

    public static string ClockTime(DateTimeOffset time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string ClockTimeWithSeconds(DateTimeOffset time) => time.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}
