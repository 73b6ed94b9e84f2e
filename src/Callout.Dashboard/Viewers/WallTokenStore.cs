using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Callout.Dashboard.Viewers;

/// <summary>
/// Wall-display tokens, kept server-side in a small JSON file beside the signing keys. The secret a screen
/// holds is the token id protected (signed and encrypted) with ASP.NET Core Data Protection, so a forged or
/// altered link fails before any lookup, and revoking is a flag here that every check sees at once.
/// </summary>
public sealed partial class WallTokenStore
{
    private const string Purpose = "Callout.Dashboard.WallToken.v1";
    // Screens check in every second; writing that to disk every time would be pointless wear.
    private static readonly TimeSpan s_lastSeenWriteInterval = TimeSpan.FromMinutes(1);
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly IDataProtector _protector;
    private readonly TimeProvider _clock;
    private readonly ILogger<WallTokenStore> _logger;
    private readonly string _path;
    private readonly Lock _lock = new();
    private Dictionary<string, WallToken> _tokens;
    private DateTimeOffset _lastWrite;

    public WallTokenStore(IDataProtectionProvider protection, IOptions<AuthOptions> options, IHostEnvironment environment, TimeProvider clock, ILogger<WallTokenStore> logger)
    {
        _protector = protection.CreateProtector(Purpose);
        _clock = clock;
        _logger = logger;
        _path = Path.Combine(options.Value.DataPath(environment), "wall-tokens.json");
        _tokens = Load(_path);
    }

    /// <summary>Raised after a token is revoked, so open hub connections that use it can be closed.</summary>
    public event Action<string>? Revoked;

    public IReadOnlyList<WallToken> All()
    {
        lock (_lock)
        {
            return [.. _tokens.Values.OrderBy(t => t.IsRevoked).ThenBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase)];
        }
    }

    /// <summary>Creates a token and returns it with its secret, which is shown once and never stored.</summary>
    public (WallToken Token, string Secret) Create(string name, IEnumerable<string> queues, string createdBy)
    {
        var token = new WallToken(
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            name.Trim(),
            [.. queues.Where(q => !string.IsNullOrWhiteSpace(q)).Distinct(StringComparer.Ordinal)],
            _clock.GetUtcNow(),
            createdBy,
            RevokedAt: null,
            LastSeenAt: null);
        lock (_lock)
        {
            _tokens[token.Id] = token;
            Save();
        }
        LogCreated(token.Id, token.Name, createdBy);
        return (token, _protector.Protect(token.Id));
    }

    public bool Revoke(string id, string revokedBy)
    {
        lock (_lock)
        {
            if (!_tokens.TryGetValue(id, out var token) || token.IsRevoked)
            {
                return false;
            }
            _tokens[id] = token with { RevokedAt = _clock.GetUtcNow() };
            Save();
        }
        LogRevoked(id, revokedBy);
        Revoked?.Invoke(id);
        return true;
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
        lock (_lock)
        {
            return _tokens.GetValueOrDefault(id);
        }
    }

    /// <summary>Notes that a screen using the token is alive; false once the token is revoked or gone.</summary>
    public bool Touch(string id)
    {
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
                Save();
            }
            return true;
        }
    }

    private void Save()
    {
        _lastWrite = _clock.GetUtcNow();
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            var temporary = _path + ".tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(_tokens.Values.OrderBy(t => t.CreatedAt), s_json));
            File.Move(temporary, _path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Tokens stay valid in memory; the admin sees this in the log and can fix the folder's rights.
            LogSaveFailed(ex, _path);
        }
    }

    private static Dictionary<string, WallToken> Load(string path)
    {
        if (!File.Exists(path))
        {
            return new(StringComparer.Ordinal);
        }
        try
        {
            var tokens = JsonSerializer.Deserialize<List<WallToken>>(File.ReadAllText(path), s_json) ?? [];
            return tokens.ToDictionary(t => t.Id, StringComparer.Ordinal);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"The wall-display token file {path} is not valid ({ex.Message}). Restore it from a backup, or move it away to start with no tokens.", ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Wall-display token {TokenId} ({Name}) created by {User}.")]
    private partial void LogCreated(string tokenId, string name, string user);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wall-display token {TokenId} revoked by {User}.")]
    private partial void LogRevoked(string tokenId, string user);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write the wall-display tokens to {Path}; changes are kept in memory only until it can.")]
    private partial void LogSaveFailed(Exception exception, string path);
}
