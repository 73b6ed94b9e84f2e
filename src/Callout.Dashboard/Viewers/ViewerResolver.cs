using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace Callout.Dashboard.Viewers;

/// <summary>
/// Who is looking at a page: a wall-display link where the page takes one, else the signed-in user. A link that is
/// forged, unknown or revoked is refused; nobody signed in means the page sends the browser to sign in.
/// </summary>
public sealed class ViewerResolver(WallTokenStore wallTokens, IOptions<DashboardOptions> options)
{
    public ViewerResolution Resolve(ClaimsPrincipal user, string? wallLink, bool acceptsWallLink)
    {
        if (acceptsWallLink && !string.IsNullOrEmpty(wallLink))
        {
            return wallTokens.Validate(wallLink) is { } token
                ? new ViewerResolution(ViewerAccess.For(token, options.Value), token.Id, false, false)
                : ViewerResolution.LinkRefused;
        }
        // Only pages open to wall links get here without a user; the others are guarded by [Authorize].
        return user.Identity?.IsAuthenticated == true
            ? new ViewerResolution(ViewerAccess.For(user, options.Value), null, false, false)
            : ViewerResolution.SignInNeeded;
    }

    /// <summary>Whether a wall link still works; noting the screen as seen. False once it is revoked.</summary>
    public bool StillValid(string wallTokenId) => wallTokens.Touch(wallTokenId);

    /// <summary>
    /// Calls <paramref name="revoked"/> with the link's id whenever a wall link is revoked, here or on another server,
    /// so a screen can stop at once rather than at its next tick; until disposed.
    /// </summary>
    public IDisposable WhenRevoked(Action<string> revoked)
    {
        wallTokens.Revoked += revoked;
        return new Unsubscriber(() => wallTokens.Revoked -= revoked);
    }

    private sealed class Unsubscriber(Action unsubscribe) : IDisposable
    {
        public void Dispose() => unsubscribe();
    }
}

/// <summary>What <see cref="ViewerResolver"/> found: access, or why there is none.</summary>
public sealed record ViewerResolution(ViewerAccess? Access, string? WallTokenId, bool WallLinkRefused, bool NeedsSignIn)
{
    public static readonly ViewerResolution LinkRefused = new(null, null, true, false);

    public static readonly ViewerResolution SignInNeeded = new(null, null, false, true);
}
