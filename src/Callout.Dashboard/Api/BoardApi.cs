using System.Security.Claims;
using System.Text.Json;
using Callout.Dashboard.Contracts;
using Callout.Dashboard.Domain;
using Callout.Dashboard.LiveBoard;
using Callout.Dashboard.Viewers;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Callout.Dashboard.Api;

public static class BoardApi
{
    public static WebApplicationBuilder AddBoardApi(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(o => BoardJson.Configure(o.SerializerOptions));
        builder.Services.AddHealthChecks().AddCheck<PollHealthCheck>("raw-data");
        // Every wall asks /healthz every few seconds, and the health service logs a warning per degraded answer:
        // during an outage that would repeat, for each screen, what the poller already says once per try.
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", LogLevel.Error);
        return builder;
    }

    public static WebApplication MapBoardApi(this WebApplication app)
    {
        // An unknown queue key is not an error: it gives an empty board (DESIGN.md). One outside the
        // caller's scope is refused, whether it exists or not.
        app.MapGet("/api/board", ([FromQuery(Name = "queue")] string[]? queue, ClaimsPrincipal user, SnapshotCache snapshots, IOptions<DashboardOptions> options) =>
        {
            var access = ViewerAccess.For(user, options.Value);
            var scoped = access.Scope(new QueueFilter(queue ?? []));
            return scoped.IsRefused
                ? Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: $"Queue {string.Join(", ", scoped.Refused)} is outside what you may see.")
                : Results.Ok(snapshots.Get(scoped.Filter!, access.MaskNumbers));
        }).RequireAuthorization();

        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = WriteHealthAsync,
        });
        return app;
    }

    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        var entry = report.Entries.Values.Single();
        context.Response.ContentType = "application/json";
        // /healthz answers anyone (load balancers, the walls' heartbeat): they get the state, the kind of failure and
        // the process id; the schema, odd rows and the database's own error text are for signed-in admins.
        var admin = context.User.IsInRole(Roles.Admin);
        var details = admin ? entry.Data : entry.Data.Where(d => d.Key == PollHealthCheck.InstanceKey).ToDictionary(d => d.Key, d => d.Value);
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status == HealthStatus.Healthy ? "healthy" : report.Status == HealthStatus.Degraded ? "degraded" : "unhealthy",
            reason = entry.Description,
            details,
        }, BoardJson.Options));
    }
}
