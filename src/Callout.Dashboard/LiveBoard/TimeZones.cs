using System.Diagnostics.CodeAnalysis;

namespace Callout.Dashboard.LiveBoard;

public static class TimeZones
{
    /// <summary>The Raw data zone: the configured IANA id, or the server's own zone when none is set.</summary>
    public static TimeZoneInfo Resolve(string? id) =>
        string.IsNullOrWhiteSpace(id) ? TimeZoneInfo.Local : TimeZoneInfo.FindSystemTimeZoneById(id);

    public static bool TryFind(string id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            zone = null;
            return false;
        }
    }
}
