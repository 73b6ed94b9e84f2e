using Microsoft.Extensions.Options;

namespace Callout.Dashboard.Viewers;

/// <summary>
/// Sign-in sessions that were ended by signing out, kept server-side (shared by every server on the data folder),
/// so a copied cookie of an ended session stops working even though it is still validly signed.
/// </summary>
public sealed class EndedSessions
{
    /// <summary>A session cookie cannot be older than this, whatever its sliding expiry did; older ends are forgotten.</summary>
    public static readonly TimeSpan Remembered = TimeSpan.FromDays(30);

    private readonly SharedJsonFile<List<EndedSession>> _file;
    private readonly TimeProvider _clock;
    private readonly Lock _lock = new();
    private HashSet<string> _ended;

    public EndedSessions(IOptions<AuthOptions> options, IHostEnvironment environment, TimeProvider clock)
    {
        _clock = clock;
        _file = new SharedJsonFile<List<EndedSession>>(Path.Combine(options.Value.DataPath(environment), "ended-sessions.json"), () => [], "ended sign-in sessions");
        _ended = Ids(_file.Read());
    }

    public void End(string sessionId)
    {
        var now = _clock.GetUtcNow();
        lock (_lock)
        {
            _ended.Add(sessionId);
            try
            {
                _ended = Ids(_file.Update(ended => [.. ended.Where(e => now - e.EndedAt < Remembered), new EndedSession(sessionId, now)]));
            }
            catch (SharedFileException)
            {
                // Ended here regardless; other servers and a restart do not know it. Logged by the caller.
                throw;
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
                catch (SharedFileException)
                {
                    // Mid-write by another server: read again next time.
                }
            }
        }
        lock (_lock)
        {
            return _ended.Contains(sessionId);
        }
    }

    private static HashSet<string> Ids(IEnumerable<EndedSession> ended) => [.. ended.Select(e => e.Id)];

    private sealed record EndedSession(string Id, DateTimeOffset EndedAt);
}
