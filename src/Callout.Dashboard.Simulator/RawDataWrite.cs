using Callout.Dashboard.Domain;

namespace Callout.Dashboard.Simulator;

/// <summary>
/// What Puzzel writes at one moment: all rows of one call (replacing any earlier rows of that call_id),
/// or agent events. <see cref="At"/> is the wall-clock time of the write, also each row's dte_updated.
/// </summary>
public abstract record RawDataWrite(DateTime At);

public sealed record CallWrite(DateTime At, decimal CallId, IReadOnlyList<CallEventRow> Rows) : RawDataWrite(At);

public sealed record AgentEventWrite(DateTime At, AgentEventRow Row) : RawDataWrite(At);
