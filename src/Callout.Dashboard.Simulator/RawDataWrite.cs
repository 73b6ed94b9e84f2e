using Callout.Dashboard.Domain;

namespace Callout.Dashboard.Simulator;

/// <summary>
/// What Puzzel writes at one moment: all rows of one call (replacing any earlier rows of that call_id),
/// or agent events. <see cref="At"/> is the wall-clock time the write becomes visible. The rows' dte_updated
/// is when they were stamped: usually the same moment, now and then seconds to minutes earlier (§9.5).
/// </summary>
public abstract record RawDataWrite(DateTime At);

public sealed record CallWrite(DateTime At, decimal CallId, IReadOnlyList<CallEventRow> Rows) : RawDataWrite(At);

public sealed record AgentEventWrite(DateTime At, AgentEventRow Row) : RawDataWrite(At);
