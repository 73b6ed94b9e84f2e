using System.Globalization;
using Callout.Dashboard.LiveBoard;
using Microsoft.Extensions.Localization;

namespace Callout.Dashboard.Ui;

/// <summary>Formatting shared by the panels.</summary>
public static class Display
{
    /// <summary>A phone number for the screen, masked as <see cref="NumberMasking.Masked"/> does.</summary>
    public static string Phone(string? number, bool mask) =>
        string.IsNullOrWhiteSpace(number) ? BoardView.Dash : mask ? NumberMasking.Masked(number) : number.Trim();

    /// <summary>Elapsed time, compact: 45 s, 12 min, 2 h 05 min (units in the page's language).</summary>
    public static string Elapsed(TimeSpan span, IStringLocalizer texts)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }
        return span.TotalSeconds < 60 ? texts["Time.Seconds", (int)span.TotalSeconds]
            : span.TotalMinutes < 60 ? texts["Time.Minutes", (int)span.TotalMinutes]
            : texts["Time.HoursMinutes", (int)span.TotalHours, span.Minutes.ToString("00", CultureInfo.InvariantCulture)];
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

    /// <summary>A length of time as a clock shows it: mm:ss, or h:mm:ss from an hour (talk time).</summary>
    public static string Duration(TimeSpan span) =>
        span.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}:{span.Minutes:00}:{span.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{span.Minutes:00}:{span.Seconds:00}");

    /// <summary>The time of day as the page's culture writes it (13:45, 13.45, 1:45 PM).</summary>
    public static string ClockTime(DateTimeOffset time) => time.ToString("t", CultureInfo.CurrentCulture);

    public static string ClockTimeWithSeconds(DateTimeOffset time) => time.ToString("T", CultureInfo.CurrentCulture);

    /// <summary>Date and time, short, as the page's culture writes them.</summary>
    public static string DateTime(DateTimeOffset time) => time.ToString("g", CultureInfo.CurrentCulture);
}
