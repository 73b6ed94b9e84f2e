using Callout.Dashboard.RawData;

namespace Callout.Dashboard.LiveBoard;

/// <summary>
/// What the last schema discovery found (§9.7), for the log and /healthz: logged once, in one line, and again
/// only when it changes, so a poller that retries a broken database does not repeat itself.
/// </summary>
public sealed partial class SchemaReport(ILogger<SchemaReport> logger)
{
    private readonly Lock _lock = new();
    private string? _lastLogged;

    public RawDataSchema? Schema { get; private set; }

    /// <summary>Why the board cannot read the database, when that is the schema's fault.</summary>
    public string? Problem { get; private set; }

    public void Found(RawDataSchema schema)
    {
        var summary = schema.Summary();
        lock (_lock)
        {
            Schema = schema;
            Problem = null;
            if (summary == _lastLogged)
            {
                return;
            }
            _lastLogged = summary;
        }
        LogFound(summary);
    }

    public void Failed(string problem)
    {
        lock (_lock)
        {
            Problem = problem;
            if (problem == _lastLogged)
            {
                return;
            }
            _lastLogged = problem;
        }
        LogProblem(problem);
    }

    /// <summary>Table and column names only: what /healthz shows.</summary>
    public object Describe()
    {
        var schema = Schema;
        if (Problem is { } problem)
        {
            return new { problem };
        }
        if (schema is null)
        {
            return new { problem = "not read yet" };
        }
        return new
        {
            callEvents = schema.CallEventColumns.Order(StringComparer.Ordinal).ToList(),
            extrasTable = schema.ExtrasTable,
            agentEvents = schema.AgentEventColumns?.Order(StringComparer.Ordinal).ToList(),
            pauseReason = schema.PauseTextColumn ?? schema.PauseIdColumnRead,
            agents = schema.AgentColumns is not null,
            queues = schema.QueueColumns is not null,
            without = schema.Without,
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Summary}")]
    private partial void LogFound(string summary);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Problem} The board stays empty until it is fixed; it looks again after each failed poll.")]
    private partial void LogProblem(string problem);
}
