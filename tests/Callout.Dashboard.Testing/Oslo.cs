namespace Callout.Dashboard.Testing;

/// <summary>The centre's time zone in tests (the dashboard's default), with DST, so tests cross its changes.</summary>
public static class Oslo
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    /// <summary>Now on Oslo's wall clock, as Puzzel stamps its rows.</summary>
    public static DateTime Now() => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Zone).DateTime;

    /// <summary>An Oslo wall-clock time as an instant.</summary>
    public static DateTimeOffset At(DateTime wallClock) => new(wallClock, Zone.GetUtcOffset(wallClock));
}
