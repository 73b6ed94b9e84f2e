using System.Text.Json;
using Callout.Dashboard.Viewers;
using StackExchange.Redis;

namespace Callout.Dashboard.SharedState;

/// <summary>
/// A shared document as one JSON string in Redis. A change is an optimistic transaction (the write happens only if the
/// value is still the one the change was made from, else it is made again), then announced to the other servers.
/// </summary>
public sealed class RedisDocument<T> : ISharedDocument<T> where T : class
{
    private const int Attempts = 20;
    // A missed announcement (a subscriber reconnecting) is caught up this often.
    private static readonly TimeSpan s_lookAgain = TimeSpan.FromSeconds(15);
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    private readonly RedisState _redis;
    private readonly string _name;
    private readonly RedisKey _key;
    private readonly Func<T> _empty;
    private readonly string _whatItHolds;
    private readonly TimeProvider _clock;
    private volatile bool _changed = true;
    private DateTimeOffset _lastLook;

    public RedisDocument(RedisState redis, string name, Func<T> empty, string whatItHolds, TimeProvider clock)
    {
        _redis = redis;
        _name = name;
        _key = redis.Prefix + name;
        _empty = empty;
        _whatItHolds = whatItHolds;
        _clock = clock;
        redis.Changed += key =>
        {
            if (key == _name)
            {
                _changed = true;
                ChangedElsewhere?.Invoke();
            }
        };
        redis.Restored += () =>
        {
            _changed = true;
            ChangedElsewhere?.Invoke();
        };
    }

    public string Where => $"Redis at {_redis.Endpoint}, key {_key}";

    public event Action? ChangedElsewhere;

    public bool HasChanged() => _changed || _clock.GetUtcNow() - _lastLook >= s_lookAgain;

    public T Read()
    {
        _changed = false;
        _lastLook = _clock.GetUtcNow();
        try
        {
            return Parse(_redis.Database.StringGet(_key));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Not flagged as changed again: pages asking on every tick would each try Redis while it is away. The
            // reconnect (Restored) or the next periodic look reads it again.
            throw Unreachable("read", ex);
        }
    }

    public T Update(Func<T, T> change)
    {
        try
        {
            var database = _redis.Database;
            for (var attempt = 0; attempt < Attempts; attempt++)
            {
                var stored = database.StringGet(_key);
                var next = change(Parse(stored));
                var transaction = database.CreateTransaction();
                transaction.AddCondition(stored.IsNull ? Condition.KeyNotExists(_key) : Condition.StringEqual(_key, stored));
                _ = transaction.StringSetAsync(_key, JsonSerializer.Serialize(next, s_json));
                if (transaction.Execute())
                {
                    _redis.Announce(_name);
                    return next;
                }
            }
            throw new SharedStateException($"The {_whatItHolds} could not be saved: {Where} kept changing under {Attempts} attempts. Try again.", new InvalidOperationException("optimistic transaction kept failing"));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            throw Unreachable("saved", ex);
        }
    }

    private T Parse(RedisValue stored)
    {
        if (stored.IsNullOrEmpty)
        {
            return _empty();
        }
        try
        {
            return JsonSerializer.Deserialize<T>(stored.ToString(), s_json) ?? _empty();
        }
        catch (JsonException ex)
        {
            throw new SharedStateException($"The {_whatItHolds} in {Where} are damaged ({ex.Message}). Restore the key from a backup, or delete it to start without it.", ex);
        }
    }

    private SharedStateException Unreachable(string verb, Exception ex) =>
        new($"The {_whatItHolds} could not be {verb}: the shared state store ({Where}) is unreachable ({ex.Message}). Try again when it is back.", ex);
}
