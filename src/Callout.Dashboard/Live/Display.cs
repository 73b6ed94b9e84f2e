using System.Globalization;

namespace Callout.Dashboard.Live;

/// <summary>Formatting shared by the panels.</summary>
public static class Display
{
    /// <summary>
    /// A phone number for the screen. Masked, only the country code and the last three digits show
    /// (4722222222 → +47 ••• •• 222), enough to tell calls apart without exposing the customer.
    /// </summary>
    public static string Phone(string? number, bool mask)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return BoardView.Dash;
        }
        var digits = new string([.. number.Where(char.IsAsciiDigit)]);
        if (!mask)
        {
            return number.Trim();
        }
        if (digits.Length < 6)
        {
            return "•••";
        }
        var country = digits.Length > 8 ? "+" + digits[..(digits.Length - 8)] + " " : "";
        return $"{country}••• •• {digits[^3..]}";
    }

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
