using System.Security.Claims;

namespace Callout.Dashboard.Viewers;

/// <summary>A long-lived, revocable, read-only link for a wall display, bound to a set of queues (none: all).</summary>
public sealed record WallToken(
    string Id,
    string Name,
    IReadOnlyList<string> Queues,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? LastSeenAt)
{
    public bool IsRevoked => RevokedAt is not null;

    /// <summary>Made while anyone could manage links (Auth:Mode=None): worth revoking once sign-in is on.</summary>
    public bool CreatedWhileAccessOpen { get; init; }
}

public static class WallTokenPrincipal
{
    public const string AuthenticationType = "WallToken";

    public static ClaimsPrincipal Create(WallToken token)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, token.Name),
            new(ClaimTypes.Role, Roles.Wall),
            new(CalloutClaims.WallToken, token.Id),
        };
        claims.AddRange(token.Queues.Select(q => new Claim(CalloutClaims.Queue, q)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationType));
    }
}
