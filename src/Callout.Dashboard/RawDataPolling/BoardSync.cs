using Callout.Dashboard.Domain;
using Callout.Dashboard.RawData;
using Microsoft.Extensions.Options;

namespace Callout.Dashboard.RawDataPolling;

/// <summary>
/// One poll of Raw data into the Board: the sync rule of §8.3. The first poll loads today and the
/// scheduled callouts that may still be pending; later polls read what changed since the watermark,
/// reaching back by the overlap window for rows committed late.
/// </summary>
public sealed class BoardSync(IRawDataReader reader, Board board, IOptions<RawDataOptions> options, TimeProvider clock, AnomalyLog anomalies)
{
    private readonly RawDataOptions _options = options.Value;
    private DateTime? _callsWatermark;
    private DateTime? _agentEventsWatermark;
    private DateTimeOffset? _lookupsReadAt;
    private bool _loaded;

    public async Task<BoardDelta?> PollOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var now = board.Rules.LocalNow(clock);
            var (batch, watermarks) = _loaded
                ? await ReadChangesAsync(cancellationToken)
                : await ReadStartupAsync(now, cancellationToken);
            batch = await WithLookupsIfDueAsync(batch, cancellationToken);

            var result = board.Apply(batch);
            _loaded = true;
            // A row stamped in the future (clock skew, a bad row) must not push the watermark past rows still to come.
            _callsWatermark = Cap(Later(watermarks.Calls, batch.CallRows.Max(r => r.DteUpdated)), now);
            _agentEventsWatermark = Cap(Later(watermarks.AgentEvents, batch.AgentEvents.Max(r => r.DteUpdated)), now);
            board.RecordPoll(ok: true);
            anomalies.Record(result.Anomalies);
            return result.Delta;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            board.RecordPoll(ok: false, Describe(ex));
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

    private async Task<(PollBatch, Watermarks)> ReadStartupAsync(DateTime now, CancellationToken cancellationToken)
    {
        // Read the watermarks first: a row committed while the load runs is then caught by the next poll.
        var watermarks = await reader.ReadNewestUpdatesAsync(cancellationToken);
        var today = now.Date;
        var calls = await reader.ReadStartupCallsAsync(today, today - _options.ScheduledLookback, board.Rules.ScheduledThreshold, cancellationToken);
        // From yesterday, so an agent still logged on over midnight keeps a status.
        var agentEvents = await reader.ReadAgentEventsFromAsync(today.AddDays(-1), cancellationToken);
        return (new PollBatch(calls, agentEvents), watermarks);
    }

    private async Task<(PollBatch, Watermarks)> ReadChangesAsync(CancellationToken cancellationToken)
    {
        var calls = await reader.ReadChangedCallsAsync(Since(_callsWatermark), cancellationToken);
        var agentEvents = await reader.ReadChangedAgentEventsAsync(Since(_agentEventsWatermark), cancellationToken);
        return (new PollBatch(calls, agentEvents), new Watermarks(_callsWatermark, _agentEventsWatermark));
    }

    private async Task<PollBatch> WithLookupsIfDueAsync(PollBatch batch, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_lookupsReadAt is { } at && now - at < _options.LookupRefreshInterval)
        {
            return batch;
        }
        var agents = await reader.ReadAgentsAsync(cancellationToken);
        var queues = await reader.ReadQueuesAsync(cancellationToken);
        _lookupsReadAt = now;
        return batch with { Agents = agents, Queues = queues };
    }

    private DateTime Since(DateTime? watermark) =>
        watermark is { } w && w > DateTime.MinValue + _options.OverlapWindow ? w - _options.OverlapWindow : DateTime.MinValue;

    private static DateTime? Later(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static DateTime? Cap(DateTime? value, DateTime limit) => value > limit ? limit : value;
}
