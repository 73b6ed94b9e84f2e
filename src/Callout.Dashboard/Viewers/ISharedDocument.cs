namespace Callout.Dashboard.Viewers;

/// <summary>
/// A small document every server of one dashboard shares: a JSON file in the data folder (one server, or several on
/// one folder) or a key in Redis (<c>ConnectionStrings:State</c>). A change is a read-modify-write that another
/// server's change cannot interleave with; readers ask <see cref="HasChanged"/>, which is cheap, before reading.
/// </summary>
public interface ISharedDocument<T> where T : class
{
    /// <summary>Where it is kept, for log lines.</summary>
    string Where { get; }

    /// <summary>Raised when another server is known to have changed it, so a revoke can take effect at once.</summary>
    event Action? ChangedElsewhere;

    bool HasChanged();

    /// <exception cref="SharedStateException">It cannot be read, or is damaged: the message says what to do.</exception>
    T Read();

    /// <summary>Applies <paramref name="change"/> to the current content, stores the result and returns it.</summary>
    /// <exception cref="SharedStateException">It could not be stored; nothing was changed.</exception>
    T Update(Func<T, T> change);
}

/// <summary>Shared state cannot be read or written; the message says where and what to do.</summary>
public sealed class SharedStateException(string message, Exception inner) : Exception(message, inner);
