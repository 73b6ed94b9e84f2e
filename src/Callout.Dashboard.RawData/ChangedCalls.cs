using Callout.Dashboard.Domain;

namespace Callout.Dashboard.RawData;

/// <summary>
/// The incremental read of §8.3 with §9.5's long overlap kept cheap: each poll lists the rows stamped in the overlap
/// (rec_id and dte_updated only) and reads whole only the calls with a row it has not seen before. A row that became
/// visible minutes after its stamp, or a rewrite (Puzzel gives every row of the call a new rec_id), is a row not
/// seen; rows that left the window or vanished by retention change nothing.
/// </summary>
/// <remarks>Given <paramref name="seen"/>, it starts as if it had read those rows (the poll-cost benchmark repeats one poll).</remarks>
public sealed class ChangedCalls(IRawDataReader reader, IEnumerable<RowStamp>? seen = null)
{
    private HashSet<RowStamp> _seen = [.. seen ?? []];

    /// <summary>Rows of the calls that changed since the previous read, and the newest stamp of every row in the window.</summary>
    public async Task<ChangedCallsRead> ReadAsync(DateTime since, CancellationToken cancellationToken)
    {
        var stamps = await reader.ReadRowStampsAsync(since, cancellationToken);
        var changed = stamps.Rows.Where(s => !_seen.Contains(s)).Select(s => s.RecId).ToList();
        var calls = changed.Count == 0 ? RawRead<CallEventRow>.Empty : await reader.ReadCallsWithRowsAsync(since, changed, cancellationToken);
        // Only once the calls are read: a failed read leaves the rows unseen for the next poll.
        _seen = [.. stamps.Rows];
        return new ChangedCallsRead(calls.Rows, [.. stamps.Anomalies, .. calls.Anomalies], stamps.Rows.Count == 0 ? null : stamps.Rows.Max(s => s.DteUpdated), changed.Count);
    }
}

/// <param name="Rows">Every row of the callouts and agent-to-agent calls among the changed calls.</param>
/// <param name="NewestStamp">The newest dte_updated of any row in the window, callout or not: the next watermark.</param>
/// <param name="NewRowCount">Rows not seen before, of callouts or not.</param>
public sealed record ChangedCallsRead(IReadOnlyList<CallEventRow> Rows, IReadOnlyList<RowAnomaly> Anomalies, DateTime? NewestStamp, int NewRowCount);
