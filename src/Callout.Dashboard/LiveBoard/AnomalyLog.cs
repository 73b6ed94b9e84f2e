using System.Collections.Concurrent;
using Callout.Dashboard.Domain;

namespace Callout.Dashboard.LiveBoard;

/// <summary>
/// Counts odd Raw data rows by kind and logs the first of each kind, so a bad row that every poll re-reads
/// in the overlap window neither floods the log nor goes unnoticed.
/// </summary>
public sealed partial class AnomalyLog(ILogger<AnomalyLog> logger)
{
    private const int MaxRemembered = 100_000;
    private readonly ConcurrentDictionary<RowAnomaly, byte> _seen = new();
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, long> Counts => _counts;

    public void Record(IEnumerable<RowAnomaly> anomalies)
    {
        foreach (var anomaly in anomalies)
        {
            if (_seen.Count >= MaxRemembered || !_seen.TryAdd(anomaly, 0))
            {
                continue;
            }
            if (_counts.AddOrUpdate(anomaly.Kind, 1, (_, n) => n + 1) == 1)
            {
                LogFirst(anomaly.Kind, anomaly.Detail);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Odd Raw data row ({Kind}): {Detail}. Further rows of this kind are only counted (see /healthz).")]
    private partial void LogFirst(string kind, string detail);
}
