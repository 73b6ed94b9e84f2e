using System.Security.Claims;
using Callout.Dashboard.Domain;

namespace Callout.Dashboard.Viewers;

/// <summary>
/// What one viewer (a signed-in person or a wall-display token) may see: which queues, and whether phone
/// numbers show in full. Every page, the API and the hub ask this before they hand out board data.
/// </summary>
public sealed class ViewerAccess
{
    private ViewerAccess(IReadOnlySet<string>? allowedQueues, bool fullNumbers, string? wallTokenId)
    {
        AllowedQueues = allowedQueues;
        FullNumbers = fullNumbers;
        WallTokenId = wallTokenId;
    }

    /// <summary>Null: every queue. Empty: none (a queue list that named none).</summary>
    public IReadOnlySet<string>? AllowedQueues { get; }

    public bool MaySeeNoQueue => AllowedQueues is { Count: 0 };

    public bool FullNumbers { get; }

    public bool MaskNumbers => !FullNumbers;

    public string? WallTokenId { get; }

    public static ViewerAccess For(ClaimsPrincipal user, DashboardOptions options)
    {
        var queues = user.FindAll(CalloutClaims.Queue).Select(c => c.Value.Trim()).Where(q => q.Length > 0).ToHashSet(StringComparer.Ordinal);
        var scoped = user.HasClaim(c => c.Type == CalloutClaims.QueueScoped) || user.HasClaim(c => c.Type == CalloutClaims.Queue);
        var fullNumbers = !options.MaskPhoneNumbers
            || (!user.IsInRole(Roles.Wall) && options.FullNumberRoles.Any(user.IsInRole));
        return new ViewerAccess(scoped ? queues : null, fullNumbers, user.FindFirst(CalloutClaims.WallToken)?.Value);
    }

    public static ViewerAccess For(WallToken token, DashboardOptions options) =>
        For(WallTokenPrincipal.Create(token), options);

    /// <summary>
    /// The filter this viewer gets for the queues it asked for. Asking for all gives all it may see;
    /// asking for a queue outside its scope refuses the whole request, so a response never quietly
    /// differs from what was asked and never tells whether the other queue exists.
    /// </summary>
    public ScopedFilter Scope(QueueFilter requested)
    {
        if (AllowedQueues is null)
        {
            return new ScopedFilter(requested, []);
        }
        if (requested.IsAll)
        {
            // An empty scope is no queue, never "no filter".
            return new ScopedFilter(AllowedQueues.Count == 0 ? QueueFilter.Nothing : new QueueFilter(AllowedQueues), []);
        }
        var refused = requested.Keys.Where(k => !AllowedQueues.Contains(k)).Order(StringComparer.Ordinal).ToList();
        return new ScopedFilter(refused.Count == 0 ? requested : null, refused);
    }
}

/// <summary>The filter to use, or null with the keys that were refused.</summary>
public sealed record ScopedFilter(QueueFilter? Filter, IReadOnlyList<string> Refused)
{
    public bool IsRefused => Filter is null;
}
