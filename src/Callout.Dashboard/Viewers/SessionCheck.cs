using System.Globalization;
using System.Security.Claims;

namespace Callout.Dashboard.Viewers;

/// <summary>
/// Whether a signed-in principal still stands (issue: sessions end when access ends): its session was not ended by
/// signing out, a local user is still configured with the same roles and queues, an identity provider's sign-in has
/// not outlived its token. Asked on every request, every minute for open circuits and for hub connections.
/// </summary>
public sealed class SessionCheck(AccessMode mode, LocalUsers users, EndedSessions ended, WallTokenStore wallTokens, TimeProvider clock)
{
    public const string SessionClaim = "callout:session";
    public const string ExpiresClaim = "callout:expires";

    /// <summary>A new session id for a principal about to be signed in.</summary>
    public static ClaimsPrincipal WithSession(ClaimsPrincipal principal, DateTimeOffset? expires = null)
    {
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(SessionClaim, Guid.NewGuid().ToString("N")));
        if (expires is { } until)
        {
            identity.AddClaim(new Claim(ExpiresClaim, until.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        }
        return principal;
    }

    public bool IsCurrent(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return true;
        }
        if (user.FindFirst(CalloutClaims.WallToken)?.Value is { } tokenId)
        {
            return wallTokens.Find(tokenId) is { IsRevoked: false };
        }
        if (user.Identity.AuthenticationType == AccessMode.OpenAccessScheme)
        {
            return mode.Mode == AuthMode.None;
        }
        if (user.FindFirst(SessionClaim)?.Value is not { } session || ended.IsEnded(session))
        {
            return false;
        }
        if (user.FindFirst(ExpiresClaim)?.Value is { } expires
            && long.TryParse(expires, CultureInfo.InvariantCulture, out var seconds)
            && clock.GetUtcNow() >= DateTimeOffset.FromUnixTimeSeconds(seconds))
        {
            return false;
        }
        return mode.Mode switch
        {
            AuthMode.Local => users.StillGrants(user),
            AuthMode.OpenIdConnect => user.HasClaim(c => c.Type == ExpiresClaim),
            _ => false,
        };
    }

    public void End(ClaimsPrincipal user)
    {
        if (user.FindFirst(SessionClaim)?.Value is { } session)
        {
            ended.End(session);
        }
    }
}
