namespace Callout.Dashboard.Ui;

/// <summary>
/// The live page's one-second heartbeat, heard by the parts of the page that show the clock (countdowns,
/// elapsed times, data age, the wall clock): on a tick only those render, not the whole page. One per
/// circuit, driven by the page; used on the circuit's dispatcher only, so it takes no lock.
/// </summary>
public sealed class PageClock
{
    private readonly List<Action<BoardView>> _listeners = [];
    private PageClockRelay? _relay;

    public IDisposable Subscribe(Action<BoardView> onTick)
    {
        _listeners.Add(onTick);
        return new Subscription(() => _listeners.Remove(onTick));
    }

    public void Tick(BoardView view)
    {
        if (_relay is { } relay)
        {
            relay.Run(() => Notify(view));
        }
        else
        {
            Notify(view);
        }
    }

    /// <summary>Ticks from now on run as the relay's render; the last relay to register wins (a new layout's).</summary>
    internal IDisposable UseRelay(PageClockRelay relay)
    {
        _relay = relay;
        return new Subscription(() =>
        {
            if (ReferenceEquals(_relay, relay))
            {
                _relay = null;
            }
        });
    }

    private void Notify(BoardView view)
    {
        // A copy: a listener's render may dispose another listener.
        foreach (var listener in _listeners.ToArray())
        {
            listener(view);
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
