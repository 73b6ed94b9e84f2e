using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Callout.Dashboard.Metrics;

public static class MetricsSetup
{
    private const string Path = "/metrics";
    private const string ServiceName = "callout-dashboard";

    /// <summary>
    /// OpenTelemetry metrics: our meter, ASP.NET Core's and the runtime's, for Prometheus at /metrics, and pushed over
    /// OTLP as well when OTEL_EXPORTER_OTLP_ENDPOINT is set (the exporter reads the other OTEL_* variables itself).
    /// </summary>
    public static WebApplicationBuilder AddDashboardMetrics(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section).ValidateOnStart();
        services.AddSingleton<DashboardMeter>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CircuitCounter>());
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        // Unnamed, the SDK reports "unknown_service:dotnet"; a name given in code would overrule OTEL_SERVICE_NAME.
        var service = builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } named ? named : ServiceName;
        services.AddOpenTelemetry().ConfigureResource(r => r.AddService(service)).WithMetrics(metrics =>
        {
            metrics.AddMeter(DashboardMeter.Name).AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddPrometheusExporter();
            if (otlp)
            {
                metrics.AddOtlpExporter();
            }
        });
        return builder;
    }

    /// <summary>The scrape endpoint, behind <see cref="MetricsAccess"/>: after sign-in has run, so an admin's cookie counts.</summary>
    public static WebApplication MapDashboardMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value;
        app.MapPrometheusScrapingEndpoint(Path, meterProvider: null, branch => branch.Use((context, next) =>
        {
            if (MetricsAccess.Allows(context, options))
            {
                return next(context);
            }
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return context.Response.WriteAsync(MetricsAccess.Refusal);
        }), optionsName: null);
        return app;
    }
}
