using System.Globalization;

namespace Callout.Dashboard.Domain;

/// <summary>Durations as people write them on a command line or in a wall link (1d, 6h, 30m, 45s) or as a TimeSpan.</summary>
public static class DurationText
{
    /// <summary>Durations as 1d, 6h, 30m, 45s or a TimeSpan (00:30:00).</summary>
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        if (text.Length > 1 && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount > 0)
        {
            TimeSpan? unit = text[^1] switch { 'd' => TimeSpan.FromDays(1), 'h' => TimeSpan.FromHours(1), 'm' => TimeSpan.FromMinutes(1), 's' => TimeSpan.FromSeconds(1), _ => null };
            // A URL or a command line can say 1e300s: anything past TimeSpan's range is no duration.
            if (unit is { } u && double.IsFinite(amount) && amount <= TimeSpan.MaxValue / u)
            {
                duration = u * amount;
                return true;
            }
            return false;
        }
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration) && duration > TimeSpan.Zero;
    }
}
