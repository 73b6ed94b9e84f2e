namespace Callout.Dashboard.Domain;

// Rows of Puzzel's Raw data tables, with Puzzel's column names (domain notes §8). Timestamps are the
// solution's local wall-clock time (DateTime of kind Unspecified), except DteScheduledCallback, which
// carries its own offset.

/// <summary>One row of <c>call_events</c>, plus the <c>agent2agent</c> flag of its extras row.</summary>
public sealed record CallEventRow
{
    public required long RecId { get; init; }
    public required decimal CallId { get; init; }
    public int? CallSequence { get; init; }
    public required DateTime DteStart { get; init; }
    public int DurationTotSec { get; init; }
    public int? DurationSpeakSec { get; init; }
    public string? Source { get; init; }
    public string? Destination { get; init; }
    public string? QueueKey { get; init; }
    public int? AgentId { get; init; }
    public required string EventType { get; init; }
    public string? ResultCode { get; init; }
    public string? Ciq { get; init; }
    public bool? CallTransfer { get; init; }
    public Guid? InternalIqSessionId { get; init; }
    public DateTime? DteUpdated { get; init; }
    public DateTimeOffset? DteScheduledCallback { get; init; }
    public string? LegType { get; init; }
    public string? Originating { get; init; }

    /// <summary><c>call_event_extras.agent2agent</c> of this row's <c>rec_id</c>, when an extras row exists.</summary>
    public short? Agent2Agent { get; init; }
}

/// <summary>One row of <c>agent_events</c>.</summary>
public sealed record AgentEventRow
{
    public long? RecId { get; init; }
    public required int AgentId { get; init; }
    public required string EventType { get; init; }
    public string? EventSource { get; init; }
    public required DateTime DteStart { get; init; }
    public string? PauseType { get; init; }
    public DateTime? DteUpdated { get; init; }
}

/// <summary>One row of the <c>agents</c> lookup table.</summary>
public sealed record AgentRow(int AgentId, string? UserName, string? FullName, int? UsergroupId, string? UsergroupName, bool Deleted);

/// <summary>One row of the <c>queues</c> lookup table.</summary>
public sealed record QueueRow(string QueueKey, string? Descript);
