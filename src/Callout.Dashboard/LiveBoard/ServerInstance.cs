namespace Callout.Dashboard.LiveBoard;

/// <summary>
/// Identifies this server process. Pages carry it and /healthz reports it, so a wall display notices a
/// restart (its circuit is gone) and reloads itself, whatever the browser's Blazor client makes of it.
/// </summary>
public sealed class ServerInstance
{
    public string Id { get; } = Guid.NewGuid().ToString("N");
}
