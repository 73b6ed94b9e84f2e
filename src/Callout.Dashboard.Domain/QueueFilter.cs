namespace Callout.Dashboard.Domain;

/// <summary>The queue keys a viewer asked for; none means all. Keys compare ordinally, as Puzzel stores them.</summary>
public sealed class QueueFilter
{
    public static readonly QueueFilter All = new([]);

    private readonly HashSet<string> _keys;

    public QueueFilter(IEnumerable<string?> keys)
    {
        _keys = new HashSet<string>(keys.Where(k => !string.IsNullOrEmpty(k))!, StringComparer.Ordinal);
    }

    public bool IsAll => _keys.Count == 0;

    public IReadOnlyCollection<string> Keys => _keys;

    public bool Includes(string? queueKey) => IsAll || (queueKey is not null && _keys.Contains(queueKey));
}
