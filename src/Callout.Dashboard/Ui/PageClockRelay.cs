using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Callout.Dashboard.Ui;

/// <summary>
/// Renders nothing. The page's tick runs as this component's render, so the renders it asks of the panels
/// showing the clock join that render batch: one message to the browser (and one acknowledgement) a tick,
/// not one per panel. Each layout holds one; without it the panels still tick, a batch each.
/// </summary>
public sealed class PageClockRelay : IComponent, IDisposable
{
    private RenderHandle _handle;
    private IDisposable? _registration;
    private Action? _pending;

    [Inject] private PageClock PageClock { get; set; } = null!;

    public void Attach(RenderHandle renderHandle) => _handle = renderHandle;

    public Task SetParametersAsync(ParameterView parameters)
    {
        _registration ??= PageClock.UseRelay(this);
        return Task.CompletedTask;
    }

    internal void Run(Action tick)
    {
        _pending = tick;
        _handle.Render(RenderTick);
    }

    private void RenderTick(RenderTreeBuilder builder)
    {
        var tick = _pending;
        _pending = null;
        tick?.Invoke();
    }

    public void Dispose() => _registration?.Dispose();
}
