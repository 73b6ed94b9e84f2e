using Callout.Dashboard.Domain;
using Callout.Dashboard.LiveBoard;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Callout.Dashboard.Api;

/// <summary>Healthy while the last Raw data poll succeeded; degraded, with the reason, when it failed.</summary>
public sealed class PollHealthCheck(Board board, AnomalyLog anomalies, SchemaReport schema, LiveBoard.ServerInstance instance) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var poll = board.State.Poll;
        var data = new Dictionary<string, object>
        {
            ["lastPollAt"] = (object?)poll.LastPollAt ?? "never",
            ["version"] = board.State.Version,
            ["instance"] = instance.Id,
            ["oddRows"] = anomalies.Counts.ToDictionary(kv => kv.Key, kv => (object)kv.Value),
            ["schema"] = schema.Describe(),
        };
        if (poll.FailingSince is { } since)
        {
            data["failingSince"] = since;
        }
        return Task.FromResult(poll.LastPollOk
            ? HealthCheckResult.Healthy("Raw data polls succeed.", data)
            : HealthCheckResult.Degraded($"Raw data poll failing: {poll.LastError}", data: data));
    }
}
