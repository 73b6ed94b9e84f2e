using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Callout.Dashboard.Metrics;

/// <summary>Counts the open Blazor circuits: each costs the server memory for as long as it is kept.</summary>
public sealed class CircuitCounter(DashboardMeter meter) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        meter.CircuitOpened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        meter.CircuitClosed();
        return Task.CompletedTask;
    }
}
