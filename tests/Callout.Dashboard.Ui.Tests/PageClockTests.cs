namespace Callout.Dashboard.Ui.Tests;

public sealed class PageClockTests
{
    [Fact]
    public async Task Tick_WithRelayOnThePage_ListenersRenderInTheRelaysBatch()
    {
        await using var h = new UiHarness(At(10, 0));
        h.Context.Render<PageClockRelay>();
        var probes = new[] { h.Context.Render<Probe>(), h.Context.Render<Probe>() };

        await h.Context.Renderer.Dispatcher.InvokeAsync(() => Clock(h).Tick(h.View()));

        // Queued behind the relay's render rather than rendered on the spot: one batch for both.
        Assert.All(probes, p => Assert.Equal([false], p.Instance.RenderedAtOnce));
        Assert.All(probes, p => Assert.Equal(2, p.Instance.Renders));
    }

    [Fact]
    public async Task Tick_NoRelay_ListenersStillRender()
    {
        await using var h = new UiHarness(At(10, 0));
        var probe = h.Context.Render<Probe>();

        await h.Context.Renderer.Dispatcher.InvokeAsync(() => Clock(h).Tick(h.View()));

        Assert.Equal([true], probe.Instance.RenderedAtOnce);
        Assert.Equal(2, probe.Instance.Renders);
    }

    [Fact]
    public async Task Tick_ListenerDisposed_IsNotTicked()
    {
        await using var h = new UiHarness(At(10, 0));
        var probe = h.Context.Render<Probe>();
        probe.Instance.Dispose();

        await h.Context.Renderer.Dispatcher.InvokeAsync(() => Clock(h).Tick(h.View()));

        Assert.Empty(probe.Instance.RenderedAtOnce);
    }

    private static PageClock Clock(UiHarness h) => h.Context.Services.GetRequiredService<PageClock>();

    /// <summary>Renders on every tick and notes whether that render ran before StateHasChanged returned.</summary>
    public sealed class Probe : ComponentBase, IDisposable
    {
        private IDisposable? _ticks;

        [Inject] private PageClock PageClock { get; set; } = null!;

        public int Renders { get; private set; }

        public List<bool> RenderedAtOnce { get; } = [];

        protected override void OnInitialized() => _ticks = PageClock.Subscribe(_ =>
        {
            var before = Renders;
            StateHasChanged();
            RenderedAtOnce.Add(Renders != before);
        });

        protected override void BuildRenderTree(RenderTreeBuilder builder) => Renders++;

        public void Dispose() => _ticks?.Dispose();
    }
}
