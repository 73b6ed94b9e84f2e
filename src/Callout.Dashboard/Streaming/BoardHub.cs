using Callout.Dashboard.Viewers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Callout.Dashboard.Streaming;

/// <summary>
/// The live stream at /hubs/board, for signed-in users and wall-display tokens. <c>Subscribe(queueKeys)</c>
/// (empty = every queue the caller may see) answers with <c>Snapshot(board)</c>, then the client receives
/// <c>Delta(delta)</c> for its queues only. Asking for a queue outside the caller's scope is refused.
/// </summary>
[Authorize]
public sealed class BoardHub(HubGroups groups, HubConnections connections, IOptions<DashboardOptions> options) : Microsoft.AspNetCore.SignalR.Hub
{
    public override Task OnConnectedAsync()
    {
        connections.Open(Context, HubConnections.ViewerOf(Context));
        return base.OnConnectedAsync();
    }

    public Task Subscribe(string[]? queueKeys)
    {
        var access = ViewerAccess.For(Context.User!, options.Value);
        var scoped = access.Scope(HubGroups.Validate(queueKeys));
        if (scoped.IsRefused)
        {
            throw new HubException($"Not allowed: queue {string.Join(", ", scoped.Refused)} is outside what you may see.");
        }
        return groups.SubscribeAsync(Context.ConnectionId, scoped.Filter!, access.MaskNumbers);
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        groups.Leave(Context.ConnectionId);
        connections.Close(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
