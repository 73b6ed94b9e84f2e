namespace Callout.Dashboard.RawData;

/// <summary>
/// BoardSync's first poll: what a board that never stopped would hold (§9.6). Every call touched since the
/// board's "recent" horizon (which reaches back across local midnight), plus the callouts ordered in the look-back
/// that are still open: scheduled ones waiting, and unscheduled ones young enough to show as awaiting data. Each is
/// read whole. Candidate ids come from index ranges only (dte_start, dte_updated); which candidates belong on the
/// board is then decided on each call's own rows, found by call_id. docs/benchmarks.md ("Poll cost") has the plans.
/// </summary>
internal static class StartupCallsQuery
{
    // Open is an absence (no Conversation row, no 'd' Queue row), which no index can find: every callout
    // ordered in the look-back is looked at once. A single pass over its callout-queue rows, grouped by call,
    // drops the ones that show a Conversation or 'd' row there, instead of probing each call by call_id.
    // What is left is a superset of the open callouts; the exact rule is applied below.
    private const string CandidateIds = """
        SELECT call_id FROM call_events WHERE dte_start >= @recentFrom OR dte_updated >= @recentFrom
        UNION
        SELECT w.call_id FROM call_events w
        WHERE w.dte_start >= @scheduledSince AND w.dte_start < @recentFrom AND ({0})
        GROUP BY w.call_id
        HAVING MAX(CASE WHEN {1} = 'q' THEN 1 ELSE 0 END) = 1
           AND MAX(CASE WHEN {1} = 'c' OR ({1} = 'q' AND {2} = 'd') THEN 1 ELSE 0 END) = 0
        """;

    // Judged per call over all its rows: a callout or agent-to-agent call (§8.4) touched since @recentFrom, or a
    // callout ordered in the look-back with no Conversation and no 'd' Queue row anywhere (§8.6) that is scheduled
    // or was ordered after @openFrom.
    private const string Calls = """
        SELECT * FROM (
          SELECT {0},
            MAX(CASE WHEN {1} THEN 1 ELSE 0 END) OVER w AS is_relevant,
            MAX(CASE WHEN ce.dte_start >= @recentFrom OR ce.dte_updated >= @recentFrom THEN 1 ELSE 0 END) OVER w AS is_recent,
            MAX(CASE WHEN {2} = 'q' AND ({3}) AND ce.dte_start >= @scheduledSince AND ce.dte_start < @recentFrom
                THEN 1 ELSE 0 END) OVER w AS is_ordered_in_lookback,
            MAX(CASE WHEN {2} = 'q' AND ({3}) AND ce.dte_start >= @openFrom THEN 1 ELSE 0 END) OVER w AS is_young,
            MAX(CASE WHEN {4} THEN 1 ELSE 0 END) OVER w AS is_scheduled,
            MAX(CASE WHEN {2} = 'c' OR ({2} = 'q' AND {5} = 'd') THEN 1 ELSE 0 END) OVER w AS is_made_or_deleted
          FROM call_events ce
          {6}
          WHERE {7}
          WINDOW w AS (PARTITION BY ce.call_id)
        ) calls
        WHERE is_relevant = 1
          AND (is_recent = 1 OR (is_ordered_in_lookback = 1 AND is_made_or_deleted = 0 AND (is_scheduled = 1 OR is_young = 1)))
        """;

    /// <summary>The statement; parameters @recentFrom, @openFrom, @scheduledSince, @scheduledThresholdSec and @prefixN.</summary>
    public static string Build(bool postgres, string callColumns, string extrasJoin, RawDataStatements statements, int prefixCount)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var ids = string.Format(culture, CandidateIds, RawDataStatements.PrefixClauses("w", prefixCount),
            RawDataStatements.Code("w.event_type"), RawDataStatements.Code("w.result_code"));
        var relevant = statements.Relevant("ce", prefixCount, extrasJoined: true);
        return string.Format(culture, Calls, callColumns, relevant, RawDataStatements.Code("ce.event_type"),
            RawDataStatements.PrefixClauses("ce", prefixCount), statements.IsScheduledInitiation("ce"), RawDataStatements.Code("ce.result_code"),
            extrasJoin, RawDataStatements.CallIdIn(postgres, "ce", ids));
    }
}
