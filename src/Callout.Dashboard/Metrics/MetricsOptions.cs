namespace Callout.Dashboard.Metrics;

/// <summary>The <c>Metrics</c> section: who may read /metrics.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>
    /// Lets anyone who can reach the server read /metrics. Off by default: the metrics name routes and reveal traffic,
    /// so only a scraper on this machine and signed-in admins may read them (<see cref="MetricsAccess"/>).
    /// </summary>
    public bool Anonymous { get; set; }
}
