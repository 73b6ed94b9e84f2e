namespace Callout.Dashboard.Demo;

/// <summary>The <c>Demo</c> section: the built-in simulator, on by default only when no database is configured.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Unset: on exactly when ConnectionStrings:RawData is not given.</summary>
    public bool? Enabled { get; set; }

    public double RatePerMinute { get; set; } = 12;

    /// <summary>Unset: a new seed each start.</summary>
    public int? Seed { get; set; }

    /// <summary>Puzzel's rows land up to ~5 minutes late; the demo keeps it short so the screen moves.</summary>
    public TimeSpan MaxArrivalDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>History written at start into the embedded file: at least this much, and all of today.</summary>
    public TimeSpan MinBackfill { get; set; } = TimeSpan.FromHours(3);
}
