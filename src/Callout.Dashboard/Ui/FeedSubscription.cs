using Callout.Dashboard.Domain;
using Callout.Dashboard.LiveBoard;

namespace Callout.Dashboard.Ui;

/// <summary>A page's subscription to the board feed, renewed only when what the viewer is shown changes.</summary>
public sealed class FeedSubscription(BoardFeed feed, Action onChange) : IDisposable
{
    private IDisposable? _subscription;
    private ViewKey? _key;

    /// <summary>Follows <paramref name="filter"/>; true when that is a change from what it followed.</summary>
    public bool Follow(QueueFilter filter, bool maskNumbers)
    {
        var key = new ViewKey(filter, maskNumbers);
        if (key == _key)
        {
            return false;
        }
        _subscription?.Dispose();
        _key = key;
        _subscription = feed.Subscribe(filter, onChange);
        return true;
    }

    public void Stop()
    {
        _subscription?.Dispose();
        _subscription = null;
        _key = null;
    }

    public void Dispose() => Stop();
}
