using Callout.Dashboard.SharedState;
using Microsoft.Extensions.Options;

namespace Callout.Dashboard.Viewers;

/// <summary>
/// Sign-in sessions that were ended by signing out, kept server-side (shared by every server: the data folder or
/// Redis), so a copied cookie of an ended session stops working even though it is still validly signed.
/// </summary>
public sealed class EndedSessions
{
    /// <summary>A session cookie cannot be older than this, whatever its sliding expiry did; older ends are forgotten.</summary>
    public static readonly TimeSpan Remembered = TimeSpan.FromDays(30);

    private readonly ISharedDocument<List<EndedSession>> _file;
    private readonly TimeProvider _clock;
    private readonly Lock _lock = new();
    private readonly List<EndedSession> _unsaved = [];
    private HashSet<string> _ended;

    public EndedSessions(IOptions<AuthOptions> options, IHostEnvironment environment, TimeProvider clock, RedisState? redis = null)
    {
        _clock = clock;
        _file = SharedDocuments.Open<List<EndedSession>>(redis, options.Value.DataPath(environment), "ended-sessions", () => [], "ended sign-in sessions", clock);
        _ended = Ids(_file.Read());
    }

    /// <exception cref="SharedStateException">Ended here, but other servers and a restart do not know it until <see cref="SaveUnsaved"/> succeeds.</exception>
    public void End(string sessionId)
    {
        lock (_lock)
        {
            _ended.Add(sessionId);
            _unsaved.Add(new EndedSession(sessionId, _clock.GetUtcNow()));
            Save();
        }
    }

    /// <summary>Saves the ends kept here only because the store was away; asked every couple of seconds.</summary>
    public void SaveUnsaved()
    {
        lock (_lock)
        {
            if (_unsaved.Count == 0)
            {
                return;
            }
            try
            {
                Save();
            }
            catch (SharedStateException)
            {
                // Still away: the next look tries again.
            }
        }
    }

    public bool IsEnded(string sessionId)
    {
        if (_file.HasChanged())
        {
            lock (_lock)
            {
                try
                {
                    _ended.UnionWith(Ids(_file.Read()));
                }
                catch (SharedStateException)
                {
                    // Mid-write by another server, or the store away: read again next time.
                }
            }
        }
        lock (_lock)
        {
            return _ended.Contains(sessionId);
        }
    }

    private void Save()
    {
        var now = _clock.GetUtcNow();
        _ended.UnionWith(Ids(_file.Update(ended => [.. ended.Where(e => now - e.EndedAt < Remembered), .. _unsaved.Where(u => !ended.Any(e => e.Id == u.Id))])));
        _unsaved.Clear();
    }

    private static HashSet<string> Ids(IEnumerable<EndedSession> ended) => [.. ended.Select(e => e.Id)];

    private sealed record EndedSession(string Id, DateTimeOffset EndedAt);
}
