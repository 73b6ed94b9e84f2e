using Callout.Dashboard.Domain;
using Callout.Dashboard.LiveBoard;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Callout.Dashboard.Api;

/// <summary>Healthy while the last Raw data poll succeeded; degraded, with the kind of failure, when it failed.</summary>
public sealed class PollHealthCheck(Board board, AnomalyLog anomalies, SchemaReport schema, LiveBoard.ServerInstance instance) : IHealthCheck
{
    /// <summary>The database's own error text: shown to admins only.</summary>
    public const string DetailKey = "lastErrorDetail";

    /// <summary>What anyone may read: a wall's heartbeat compares it to notice a restart.</summary>
    public const string InstanceKey = "instance";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var poll = board.State.Poll;
        var data = new Dictionary<string, object>
        {
            ["lastPollAt"] = (object?)poll.LastPollAt ?? "never",
            ["version"] = board.State.Version,
            [InstanceKey] = instance.Id,
            ["oddRows"] = anomalies.Counts.ToDictionary(kv => kv.Key, kv => (object)kv.Value),
            ["schema"] = schema.Describe(),
        };
        if (poll.FailingSince is { } since)
        {
            data["failingSince"] = since;
            data[DetailKey] = poll.LastErrorDetail ?? "";
        }
        return Task.FromResult(poll.LastPollOk
            ? HealthCheckResult.Healthy("Raw data polls succeed.", data)
            : HealthCheckResult.Degraded($"Raw data poll failing: {poll.LastError}", data: data));
    }
}
