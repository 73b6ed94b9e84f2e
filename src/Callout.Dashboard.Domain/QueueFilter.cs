namespace Callout.Dashboard.Domain;

/// <summary>The queue keys a viewer asked for; none means all. Keys compare ordinally, as Puzzel stores them.</summary>
public sealed class QueueFilter
{
    public static readonly QueueFilter All = new([]);

    /// <summary>Matches no queue: what a viewer is left with when the queues it asked for are refused.</summary>
    public static readonly QueueFilter Nothing = new([], matchesNothing: true);

    private readonly HashSet<string> _keys;
    private readonly bool _matchesNothing;

    public QueueFilter(IEnumerable<string?> keys)
        : this(keys, matchesNothing: false)
    {
    }

    private QueueFilter(IEnumerable<string?> keys, bool matchesNothing)
    {
        _keys = new HashSet<string>(keys.Where(k => !string.IsNullOrEmpty(k))!, StringComparer.Ordinal);
        _matchesNothing = matchesNothing;
    }

    public bool IsAll => _keys.Count == 0 && !_matchesNothing;

    public bool IsNothing => _matchesNothing;

    public IReadOnlyCollection<string> Keys => _keys;

    public bool Includes(string? queueKey) => IsAll || (queueKey is not null && _keys.Contains(queueKey));
}
