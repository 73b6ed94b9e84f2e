namespace Callout.Dashboard.RawData;

/// <summary>
/// BoardSync's first poll: every call touched today, plus the scheduled callouts ordered in the look-back
/// that may still be pending, each read whole. Candidate ids come from index ranges only (dte_start,
/// dte_updated); which candidates belong on the board is then decided on each call's own rows, found by
/// call_id. docs/benchmarks.md ("Poll cost") has the plans.
/// </summary>
internal static class StartupCallsQuery
{
    // Pending is an absence (no Conversation row, no 'd' Queue row), which no index can find: every callout
    // ordered in the look-back is looked at once. A single pass over its callout-queue rows, grouped by call,
    // drops the ones that show a Conversation or 'd' row there, instead of probing each call by call_id.
    // What is left is a superset of the pending scheduled callouts; the exact rule is applied below.
    private const string CandidateIds = """
        SELECT call_id FROM call_events WHERE dte_start >= @today OR dte_updated >= @today
        UNION
        SELECT w.call_id FROM call_events w
        WHERE w.dte_start >= @scheduledSince AND w.dte_start < @today AND ({0})
        GROUP BY w.call_id
        HAVING MAX(CASE WHEN w.event_type = 'q' THEN 1 ELSE 0 END) = 1
           AND MAX(CASE WHEN w.event_type = 'c' OR (w.event_type = 'q' AND TRIM(w.result_code) = 'd') THEN 1 ELSE 0 END) = 0
        """;

    // Judged per call over all its rows: a callout or agent-to-agent call (§8.4) that was touched today, or a
    // scheduled callout ordered in the look-back with no Conversation and no 'd' Queue row anywhere (§8.6).
    private const string Calls = """
        SELECT * FROM (
          SELECT {0},
            MAX(CASE WHEN (ce.event_type = 'q' AND ({1})) OR (ce.event_type = 'i' AND (ce.source = 'xxxxxxxx' OR x.agent2agent = 1))
                THEN 1 ELSE 0 END) OVER w AS is_relevant,
            MAX(CASE WHEN ce.dte_start >= @today OR ce.dte_updated >= @today THEN 1 ELSE 0 END) OVER w AS is_today,
            MAX(CASE WHEN ce.event_type = 'q' AND ({1}) AND ce.dte_start >= @scheduledSince AND ce.dte_start < @today
                THEN 1 ELSE 0 END) OVER w AS is_ordered_in_lookback,
            MAX(CASE WHEN ce.event_type = 'i' AND (ce.duration_tot_sec > @scheduledThresholdSec OR ce.dte_scheduled_callback IS NOT NULL)
                THEN 1 ELSE 0 END) OVER w AS is_scheduled,
            MAX(CASE WHEN ce.event_type = 'c' OR (ce.event_type = 'q' AND TRIM(ce.result_code) = 'd') THEN 1 ELSE 0 END) OVER w AS is_made_or_deleted
          FROM call_events ce
          LEFT JOIN {2} x ON x.rec_id = ce.rec_id
          WHERE {3}
          WINDOW w AS (PARTITION BY ce.call_id)
        ) calls
        WHERE is_relevant = 1 AND (is_today = 1 OR (is_ordered_in_lookback = 1 AND is_scheduled = 1 AND is_made_or_deleted = 0))
        """;

    /// <summary>The statement for one provider; parameters @today, @scheduledSince, @scheduledThresholdSec and @prefixN.</summary>
    public static string Build(bool postgres, string callColumns, int prefixCount, string extrasTable)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var ids = string.Format(culture, CandidateIds, RawDataReader.PrefixClauses("w", prefixCount));
        return string.Format(culture, Calls, callColumns, RawDataReader.PrefixClauses("ce", prefixCount), extrasTable,
            RawDataReader.CallIdIn(postgres, "ce", ids));
    }
}
