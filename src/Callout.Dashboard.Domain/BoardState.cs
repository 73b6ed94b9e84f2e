using System.Collections.Immutable;
using Callout.Dashboard.Contracts;

namespace Callout.Dashboard.Domain;

/// <summary>An immutable picture of everything the Board knows; readers take it without locks.</summary>
public sealed record BoardState(
    long Version,
    ImmutableDictionary<decimal, CalloutFacts> Calls,
    ImmutableDictionary<int, AgentStatus> AgentStatuses,
    ImmutableDictionary<int, AgentRow> AgentNames,
    ImmutableDictionary<string, QueueRow> Queues,
    PollStatus Poll,
    DateTime? NewestRowAt)
{
    /// <summary>The alarms on now, for all queues, worst and oldest first.</summary>
    public IReadOnlyList<AlarmView> Alarms { get; init; } = [];

    /// <summary>Today's alarms, ended or not, oldest first.</summary>
    public IReadOnlyList<AlarmLogEntry> AlarmLog { get; init; } = [];

    public static readonly BoardState Empty = new(
        0,
        ImmutableDictionary<decimal, CalloutFacts>.Empty,
        ImmutableDictionary<int, AgentStatus>.Empty,
        ImmutableDictionary<int, AgentRow>.Empty,
        ImmutableDictionary<string, QueueRow>.Empty.WithComparers(StringComparer.Ordinal),
        PollStatus.NotYet,
        null);
}
