using System.Collections.Concurrent;
using Callout.Dashboard.Viewers;
using Microsoft.AspNetCore.SignalR;

namespace Callout.Dashboard.Streaming;

/// <summary>
/// Hub connections opened with a wall-display token, so revoking the token closes them at once rather
/// than when they next reconnect (which the token handler then refuses).
/// </summary>
public sealed class TokenConnections
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, HubCallerContext>> _byToken = new(StringComparer.Ordinal);

    public TokenConnections(WallTokenStore tokens)
    {
        tokens.Revoked += Close;
    }

    public void Track(HubCallerContext context)
    {
        if (TokenId(context) is { } id)
        {
            _byToken.GetOrAdd(id, _ => new(StringComparer.Ordinal))[context.ConnectionId] = context;
        }
    }

    public void Forget(HubCallerContext context)
    {
        if (TokenId(context) is { } id && _byToken.TryGetValue(id, out var connections))
        {
            connections.TryRemove(context.ConnectionId, out _);
        }
    }

    private void Close(string tokenId)
    {
        if (_byToken.TryRemove(tokenId, out var connections))
        {
            foreach (var context in connections.Values)
            {
                context.Abort();
            }
        }
    }

    private static string? TokenId(HubCallerContext context) => context.User?.FindFirst(CalloutClaims.WallToken)?.Value;
}
