namespace Callout.Dashboard.Domain;

/// <summary>
/// The queue keys a viewer asked for; none means all. Keys compare ordinally, as Puzzel stores them. Filters are
/// values: two with the same keys are equal, and no key ("*", one holding a separator) equals all or another filter,
/// so caches and hub groups keyed by filters never share an entry between different views.
/// </summary>
public sealed class QueueFilter : IEquatable<QueueFilter>
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

    public bool Equals(QueueFilter? other) =>
        other is not null && _matchesNothing == other._matchesNothing && _keys.SetEquals(other._keys);

    public override bool Equals(object? obj) => Equals(obj as QueueFilter);

    public override int GetHashCode() =>
        _keys.Aggregate(_matchesNothing ? 1 : 0, (hash, key) => hash ^ StringComparer.Ordinal.GetHashCode(key));
}
