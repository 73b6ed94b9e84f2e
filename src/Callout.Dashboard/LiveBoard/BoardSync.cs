using Callout.Dashboard.Domain;
using Callout.Dashboard.RawData;
using Microsoft.Extensions.Options;

namespace Callout.Dashboard.LiveBoard;

/// <summary>
/// One poll of Raw data into the Board: the sync rule of §8.3 with §9.5–9.7. The first poll finds out which
/// tables and columns the database has, then loads what a board that never stopped would hold; later polls
/// read the calls with rows not seen before among those stamped since the watermark less the overlap. After a
/// failed poll the schema is looked at again, since a change to it is a likely cause.
/// </summary>
public sealed class BoardSync(IRawDataReader reader, Board board, IOptions<RawDataOptions> options, TimeProvider clock, AnomalyLog anomalies, SchemaReport schemaReport)
{
    private readonly RawDataOptions _options = options.Value;
    private readonly ChangedCalls _changes = new(reader);
    private DateTime? _callsWatermark;
    private DateTime? _agentEventsWatermark;
    private DateTimeOffset? _lookupsReadAt;
    private bool _loaded;
    private bool _discover = true;

    /// <summary>Call and agent-event rows the last successful poll handed to the board.</summary>
    public int LastPollRows { get; private set; }

    public async Task<BoardDelta?> PollOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_discover)
            {
                schemaReport.Found(await reader.DiscoverSchemaAsync(cancellationToken));
                _discover = false;
            }
            var now = board.Rules.LocalNow(clock);
            var (batch, watermarks, readAnomalies) = _loaded
                ? await ReadChangesAsync(now, cancellationToken)
                : await ReadStartupAsync(now, cancellationToken);
            (batch, var lookupAnomalies) = await WithLookupsIfDueAsync(batch, cancellationToken);

            var result = board.Apply(batch);
            _loaded = true;
            _callsWatermark = watermarks.Calls;
            _agentEventsWatermark = watermarks.AgentEvents;
            LastPollRows = batch.CallRows.Count + batch.AgentEvents.Count;
            board.RecordPoll(ok: true);
            anomalies.Record([.. readAnomalies, .. lookupAnomalies, .. result.Anomalies]);
            return result.Delta;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            _discover = true;
            if (ex is RawDataSchemaException)
            {
                schemaReport.Failed(ex.Message);
            }
            board.RecordPoll(ok: false, PollFailure.Reason(ex), Describe(ex));
            throw;
        }
    }

    /// <summary>The chain of messages: Npgsql's outer "Exception while reading from stream" hides the timeout inside.</summary>
    internal static string Describe(Exception exception)
    {
        var messages = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (!messages.Contains(e.Message))
            {
                messages.Add(e.Message);
            }
        }
        return string.Join(": ", messages);
    }

    private async Task<(PollBatch, Watermarks, IReadOnlyList<RowAnomaly>)> ReadStartupAsync(DateTime now, CancellationToken cancellationToken)
    {
        // Read the watermarks first: a row committed while the load runs is then caught by the next poll.
        var newest = await reader.ReadNewestUpdatesAsync(cancellationToken);
        var rules = board.Rules;
        // §9.6: "recent" reaches back across local midnight, so the load starts where the board's memory does.
        var window = new StartupWindow(rules.KeepFinishedFrom(now), rules.KeepOpenFrom(now), now.Date - _options.ScheduledLookback, rules.ScheduledThreshold);
        var calls = await reader.ReadStartupCallsAsync(window, cancellationToken);
        // From yesterday at least, so an agent still logged on over midnight keeps a status.
        var agentEvents = await reader.ReadAgentEventsFromAsync(Earlier(now.Date.AddDays(-1), window.RecentFrom), cancellationToken);
        var watermarks = new Watermarks(Cap(newest.Calls, now), Cap(newest.AgentEvents, now));
        var batch = new PollBatch(calls.Rows, agentEvents.Rows, NewestRowAt: Later(watermarks.Calls, watermarks.AgentEvents));
        return (batch, watermarks, [.. calls.Anomalies, .. agentEvents.Anomalies]);
    }

    private async Task<(PollBatch, Watermarks, IReadOnlyList<RowAnomaly>)> ReadChangesAsync(DateTime now, CancellationToken cancellationToken)
    {
        var calls = await _changes.ReadAsync(Since(_callsWatermark), cancellationToken);
        var agentEvents = await reader.ReadChangedAgentEventsAsync(Since(_agentEventsWatermark), cancellationToken);
        // §9.5: the watermark moves with every row the poll saw, callout or not. A row stamped in the future
        // (clock skew, a bad row) must not push it past rows still to come.
        var watermarks = new Watermarks(
            Cap(Later(_callsWatermark, calls.NewestStamp), now),
            Cap(Later(_agentEventsWatermark, agentEvents.Rows.Max(r => r.DteUpdated)), now));
        var batch = new PollBatch(calls.Rows, agentEvents.Rows, NewestRowAt: Later(watermarks.Calls, watermarks.AgentEvents));
        return (batch, watermarks, [.. calls.Anomalies, .. agentEvents.Anomalies]);
    }

    private async Task<(PollBatch, IReadOnlyList<RowAnomaly>)> WithLookupsIfDueAsync(PollBatch batch, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_lookupsReadAt is { } at && now - at < _options.LookupRefreshInterval)
        {
            return (batch, []);
        }
        var agents = await reader.ReadAgentsAsync(cancellationToken);
        var queues = await reader.ReadQueuesAsync(cancellationToken);
        _lookupsReadAt = now;
        return (batch with { Agents = agents.Rows, Queues = queues.Rows }, [.. agents.Anomalies, .. queues.Anomalies]);
    }

    private DateTime Since(DateTime? watermark) =>
        watermark is { } w && w > DateTime.MinValue + _options.OverlapWindow ? w - _options.OverlapWindow : DateTime.MinValue;

    private static DateTime? Later(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static DateTime Earlier(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime? Cap(DateTime? value, DateTime limit) => value > limit ? limit : value;
}
