using Microsoft.AspNetCore.SignalR;

namespace Callout.Dashboard.Hub;

/// <summary>
/// The public live stream at /hubs/board. <c>Subscribe(queueKeys)</c> (empty = all) answers with
/// <c>Snapshot(board)</c>, then the client receives <c>Delta(delta)</c> for its queues only.
/// </summary>
public sealed class BoardHub(HubGroups groups) : Microsoft.AspNetCore.SignalR.Hub
{
    public Task Subscribe(string[]? queueKeys) => groups.SubscribeAsync(Context.ConnectionId, queueKeys, Clients.Caller);

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        groups.Leave(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
