using System.Collections.Concurrent;
using Callout.Dashboard.Domain;

namespace Callout.Dashboard.LiveBoard;

/// <summary>
/// Fans the Board's changes out to live pages. Subscribers give a queue filter and hear only of changes
/// that touch it; callbacks run on the poller's thread, so they must only schedule work.
/// </summary>
public sealed class BoardFeed : IDisposable
{
    private readonly Board _board;
    private readonly ConcurrentDictionary<Subscription, byte> _subscriptions = new();

    public BoardFeed(Board board)
    {
        _board = board;
        _board.Changed += OnChanged;
    }

    public int SubscriberCount => _subscriptions.Count;

    public IDisposable Subscribe(QueueFilter filter, Action onChange)
    {
        var subscription = new Subscription(this, filter, onChange);
        _subscriptions[subscription] = 0;
        return subscription;
    }

    public void Dispose() => _board.Changed -= OnChanged;

    private void OnChanged(BoardDelta delta)
    {
        foreach (var subscription in _subscriptions.Keys)
        {
            if (delta.Touches(subscription.Filter))
            {
                subscription.OnChange();
            }
        }
    }

    private sealed class Subscription(BoardFeed feed, QueueFilter filter, Action onChange) : IDisposable
    {
        public QueueFilter Filter => filter;

        public Action OnChange => onChange;

        public void Dispose() => feed._subscriptions.TryRemove(this, out _);
    }
}
