using Callout.Dashboard.Domain;

namespace Callout.Dashboard.RawData;

/// <summary>What the poller reads from Raw data. Times are the solution's wall-clock time.</summary>
public interface IRawDataReader
{
    Task<IReadOnlyList<CallEventRow>> ReadChangedCallsAsync(DateTime since, CancellationToken cancellationToken);

    Task<IReadOnlyList<CallEventRow>> ReadStartupCallsAsync(DateTime today, DateTime scheduledSince, TimeSpan scheduledThreshold, CancellationToken cancellationToken);

    Task<IReadOnlyList<AgentEventRow>> ReadChangedAgentEventsAsync(DateTime since, CancellationToken cancellationToken);

    Task<IReadOnlyList<AgentEventRow>> ReadAgentEventsFromAsync(DateTime from, CancellationToken cancellationToken);

    Task<Watermarks> ReadNewestUpdatesAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<AgentRow>> ReadAgentsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<QueueRow>> ReadQueuesAsync(CancellationToken cancellationToken);
}
