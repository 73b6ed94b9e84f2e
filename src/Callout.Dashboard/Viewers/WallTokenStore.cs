using System.Security.Cryptography;
using Callout.Dashboard.SharedState;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Callout.Dashboard.Viewers;

/// <summary>
/// Wall-display tokens, kept server-side in a small shared document (a JSON file beside the signing keys, or Redis). The secret a screen
/// holds is the token id protected (signed and encrypted) with ASP.NET Core Data Protection, so a forged or
/// altered link fails before any lookup, and revoking is a flag here that every check sees at once.
/// </summary>
/// <remarks>
/// Several server processes may share the document (<see cref="ISharedDocument{T}"/>): every change is a
/// read-modify-write, and each process takes in the document when it changed, so a revoke on one server reaches the
/// screens and hub connections of the others within a couple of seconds (at once through Redis). Every process keeps
/// all links in memory, so pages never wait on the store, and a store that lost its content gets them back.
/// </remarks>
public sealed partial class WallTokenStore
{
    private const string Purpose = "Callout.Dashboard.WallToken.v1";
    // Screens check in every second; writing that to disk every time would be pointless wear.
    private static readonly TimeSpan s_lastSeenWriteInterval = TimeSpan.FromMinutes(1);

    private readonly IDataProtector _protector;
    private readonly TimeProvider _clock;
    private readonly ILogger<WallTokenStore> _logger;
    private readonly ISharedDocument<List<WallToken>> _file;
    private readonly Lock _lock = new();
    private readonly HashSet<string> _unsavedRevokes = new(StringComparer.Ordinal);
    private Dictionary<string, WallToken> _tokens;
    private DateTimeOffset _lastWrite;
    private bool _saveFailing;

    public WallTokenStore(IDataProtectionProvider protection, IOptions<AuthOptions> options, IHostEnvironment environment, TimeProvider clock, ILogger<WallTokenStore> logger, RedisState? redis = null)
    {
        _protector = protection.CreateProtector(Purpose);
        _clock = clock;
        _logger = logger;
        _file = SharedDocuments.Open<List<WallToken>>(redis, options.Value.DataPath(environment), "wall-tokens", () => [], "wall-display links", clock);
        _tokens = ById(_file.Read());
        // Off the store's own thread: reading again is a call to that store.
        _file.ChangedElsewhere += () => ThreadPool.QueueUserWorkItem(_ => ReloadIfChanged());
    }

    /// <summary>Raised after a token is revoked, here or by another process, so open hub connections that use it can be closed.</summary>
    public event Action<string>? Revoked;

    public IReadOnlyList<WallToken> All()
    {
        ReloadIfChanged();
        lock (_lock)
        {
            return [.. _tokens.Values.OrderBy(t => t.IsRevoked).ThenBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase)];
        }
    }

    /// <summary>Creates a token and returns it with its secret, which is shown once and never stored.</summary>
    /// <exception cref="SharedStateException">The token file could not be written: no token was made.</exception>
    public (WallToken Token, string Secret) Create(string name, IEnumerable<string> queues, string createdBy, bool whileAccessOpen = false)
    {
        var token = new WallToken(
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            name.Trim(),
            [.. queues.Where(q => !string.IsNullOrWhiteSpace(q)).Distinct(StringComparer.Ordinal)],
            _clock.GetUtcNow(),
            createdBy,
            RevokedAt: null,
            LastSeenAt: null)
        {
            CreatedWhileAccessOpen = whileAccessOpen,
        };
        lock (_lock)
        {
            // Not kept when it cannot be saved: a link that dies with the process would be a surprise on the wall.
            Change(tokens => tokens[token.Id] = token, keepOnFailure: false);
        }
        LogCreated(token.Id, token.Name, createdBy);
        return (token, _protector.Protect(token.Id));
    }

    /// <summary>Revokes a token; false when it is unknown or was revoked already.</summary>
    /// <exception cref="SharedStateException">
    /// Revoked on this server, but the file could not be written: after a restart, or on another server, the link
    /// would work again. The caller tells the admin.
    /// </exception>
    public bool Revoke(string id, string revokedBy)
    {
        ReloadIfChanged();
        lock (_lock)
        {
            if (!_tokens.TryGetValue(id, out var token) || (token.IsRevoked && !_unsavedRevokes.Contains(id)))
            {
                return false;
            }
            var revokedAt = token.RevokedAt ?? _clock.GetUtcNow();
            try
            {
                // Kept in memory even when the file cannot be written: the screen stops now, whatever the disk says.
                Change(tokens => tokens[id] = (tokens.GetValueOrDefault(id) ?? token) with { RevokedAt = revokedAt }, keepOnFailure: true);
            }
            catch (SharedStateException)
            {
                _unsavedRevokes.Add(id);
                throw;
            }
            finally
            {
                Revoked?.Invoke(id);
            }
        }
        LogRevoked(id, revokedBy);
        return true;
    }

    /// <summary>Revoked on this server only: the file could not be written yet, so <see cref="Revoke"/> may try again.</summary>
    public bool IsRevokeUnsaved(string id)
    {
        lock (_lock)
        {
            return _unsavedRevokes.Contains(id);
        }
    }

    /// <summary>The live token a secret stands for; null when forged, unknown or revoked.</summary>
    public WallToken? Validate(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            return null;
        }
        string id;
        try
        {
            id = _protector.Unprotect(secret);
        }
        catch (CryptographicException)
        {
            return null;
        }
        return Find(id) is { IsRevoked: false } token ? token : null;
    }

    public WallToken? Find(string id)
    {
        ReloadIfChanged();
        lock (_lock)
        {
            return _tokens.GetValueOrDefault(id);
        }
    }

    /// <summary>Notes that a screen using the token is alive; false once the token is revoked or gone.</summary>
    public bool Touch(string id)
    {
        ReloadIfChanged();
        lock (_lock)
        {
            if (!_tokens.TryGetValue(id, out var token) || token.IsRevoked)
            {
                return false;
            }
            var now = _clock.GetUtcNow();
            _tokens[id] = token with { LastSeenAt = now };
            if (now - _lastWrite >= s_lastSeenWriteInterval)
            {
                try
                {
                    Change(tokens =>
                    {
                        if (tokens.GetValueOrDefault(id) is { } current)
                        {
                            tokens[id] = current with { LastSeenAt = Later(current.LastSeenAt, now) };
                        }
                    }, keepOnFailure: true);
                }
                catch (SharedStateException)
                {
                    // "Last seen" is only a hint for the admin; logged by Change.
                }
            }
            return true;
        }
    }

    /// <summary>Takes in what another process wrote; tokens it revoked are announced as revoked here.</summary>
    public void ReloadIfChanged()
    {
        if (!_file.HasChanged())
        {
            return;
        }
        List<string> newlyRevoked;
        bool storeLostSome;
        lock (_lock)
        {
            try
            {
                var fromFile = ById(_file.Read());
                newlyRevoked = [.. fromFile.Values.Where(t => t.IsRevoked && _tokens.GetValueOrDefault(t.Id) is { IsRevoked: false }).Select(t => t.Id)];
                storeLostSome = _tokens.Keys.Any(id => !fromFile.ContainsKey(id));
                _tokens = Merge(fromFile, _tokens);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SharedStateException)
            {
                // Unreadable for a moment (another process mid-rename): the next check tries again.
                return;
            }
        }
        foreach (var id in newlyRevoked)
        {
            Revoked?.Invoke(id);
        }
        if (storeLostSome)
        {
            // A store restored from an old backup, or a Redis that came back empty: links are never deleted.
            SaveUnsaved(force: true);
        }
    }

    /// <summary>
    /// Saves what is kept here only (a revoke made while the store was away, links the store lost); asked every couple
    /// of seconds, so nothing is lost once the store is back.
    /// </summary>
    public void SaveUnsaved(bool force = false)
    {
        lock (_lock)
        {
            if (!force && _unsavedRevokes.Count == 0)
            {
                return;
            }
            try
            {
                Change(_ => { }, keepOnFailure: true);
            }
            catch (SharedStateException)
            {
                // Still away; logged by Change, tried again at the next look.
            }
        }
    }

    /// <summary>Applies a change to the file's current tokens and keeps the result here.</summary>
    private void Change(Action<Dictionary<string, WallToken>> change, bool keepOnFailure)
    {
        _lastWrite = _clock.GetUtcNow();
        try
        {
            _tokens = ById(_file.Update(fromFile =>
            {
                var merged = Merge(ById(fromFile), _tokens);
                change(merged);
                return [.. merged.Values.OrderBy(t => t.CreatedAt)];
            }));
            // Every save writes the revokes kept here, so none is unsaved after one succeeds.
            _unsavedRevokes.Clear();
            if (_saveFailing)
            {
                _saveFailing = false;
                LogSavedLater(_file.Where);
            }
        }
        catch (SharedStateException ex)
        {
            if (keepOnFailure)
            {
                change(_tokens);
            }
            // Once per outage: the retries every couple of seconds would fill the log.
            if (!_saveFailing)
            {
                _saveFailing = true;
                LogSaveFailed(_file.Where, ex.InnerException?.Message ?? ex.Message);
            }
            throw;
        }
    }

    private static Dictionary<string, WallToken> ById(IEnumerable<WallToken> tokens) => tokens.ToDictionary(t => t.Id, StringComparer.Ordinal);

    /// <summary>
    /// Tokens of both (links are never deleted, only revoked, so a file gone missing loses none); a revoke on either
    /// side sticks, and "last seen" is the later of the two.
    /// </summary>
    private static Dictionary<string, WallToken> Merge(Dictionary<string, WallToken> fromFile, Dictionary<string, WallToken> here)
    {
        var merged = new Dictionary<string, WallToken>(fromFile, StringComparer.Ordinal);
        foreach (var (id, mine) in here)
        {
            merged[id] = merged.TryGetValue(id, out var theirs)
                ? theirs with { RevokedAt = theirs.RevokedAt ?? mine.RevokedAt, LastSeenAt = Later(theirs.LastSeenAt, mine.LastSeenAt) }
                : mine;
        }
        return merged;
    }

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Wall-display token {TokenId} ({Name}) created by {User}.")]
    private partial void LogCreated(string tokenId, string name, string user);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wall-display token {TokenId} revoked by {User}.")]
    private partial void LogRevoked(string tokenId, string user);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not save the wall-display links to {Where}: {Reason}. With files, give the app write access to that folder (Auth:DataDirectory); with Redis, see that it runs.")]
    private partial void LogSaveFailed(string where, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wall-display links are saved to {Where} again; what was kept in memory only is in it.")]
    private partial void LogSavedLater(string where);
}
