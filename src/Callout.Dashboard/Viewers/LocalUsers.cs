using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Callout.Dashboard.Viewers;

/// <summary>
/// The users of <c>Auth:Mode=Local</c>, from configuration. In demo mode with none configured, three demo
/// users (password "demo") show how sign-in, roles and queue scoping work; the sign-in page lists them.
/// </summary>
public sealed class LocalUsers
{
    public const string DemoPassword = "demo";
    public const string DemoScopedQueue = "__Callout_Sales";

    private static readonly PasswordHasher<LocalUser> s_hasher = new();

    // Checked when the user name is unknown, so a wrong name takes as long as a wrong password.
    private readonly string _decoyHash = s_hasher.HashPassword(new LocalUser(), Guid.NewGuid().ToString());

    private readonly AccessMode _mode;
    private volatile Dictionary<string, LocalUser> _current;

    /// <remarks>Follows the configuration as it changes (appsettings.json is watched), so removing or narrowing a user takes effect without a restart.</remarks>
    public LocalUsers(IOptionsMonitor<AuthOptions> options, AccessMode mode)
    {
        _mode = mode;
        _current = UsersOf(options.CurrentValue);
        options.OnChange(changed => _current = UsersOf(changed));
    }

    /// <summary>The built-in demo users stand in for configured ones (demo mode, none configured).</summary>
    public bool IsDemo => ReferenceEquals(_current, s_demo);

    public IReadOnlyCollection<LocalUser> All => _current.Values;

    public static string Hash(string password) => s_hasher.HashPassword(new LocalUser(), password);

    /// <summary>The signed-in principal, or null when the name or password is wrong.</summary>
    public ClaimsPrincipal? Verify(string? userName, string? password, string authenticationType)
    {
        var found = _current.GetValueOrDefault(userName?.Trim() ?? "");
        var hash = found?.PasswordHash ?? _decoyHash;
        PasswordVerificationResult result;
        try
        {
            result = s_hasher.VerifyHashedPassword(found ?? new LocalUser(), hash, password ?? "");
        }
        catch (FormatException)
        {
            // A malformed hash in configuration: start-up validation reports it; here it just fails.
            result = PasswordVerificationResult.Failed;
        }
        if (found is null || result == PasswordVerificationResult.Failed)
        {
            return null;
        }
        return new ClaimsPrincipal(new ClaimsIdentity(ClaimsOf(found), authenticationType));
    }

    /// <summary>Whether the configuration still has this signed-in user, with the same roles and the same queues.</summary>
    public bool StillGrants(ClaimsPrincipal user)
    {
        if (user.FindFirst(ClaimTypes.NameIdentifier)?.Value is not { } name || _current.GetValueOrDefault(name) is not { } configured)
        {
            return false;
        }
        static HashSet<string> Grants(IEnumerable<Claim> claims) =>
            [.. claims.Where(c => c.Type is ClaimTypes.Role or CalloutClaims.Queue or CalloutClaims.QueueScoped).Select(c => $"{c.Type}={c.Value}")];
        return Grants(ClaimsOf(configured)).SetEquals(Grants(user.Claims));
    }

    private static List<Claim> ClaimsOf(LocalUser found)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, found.UserName),
            new(ClaimTypes.Name, found.DisplayName ?? found.UserName),
        };
        claims.AddRange(found.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        if (found.Queues.Count > 0)
        {
            claims.Add(new Claim(CalloutClaims.QueueScoped, "true"));
            claims.AddRange(found.Queues.Where(q => !string.IsNullOrWhiteSpace(q)).Select(q => new Claim(CalloutClaims.Queue, q.Trim())));
        }
        return claims;
    }

    private Dictionary<string, LocalUser> UsersOf(AuthOptions options) =>
        _mode.IsDemo && options.Users.Count == 0 ? s_demo : options.Users.ToDictionary(u => u.UserName, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, LocalUser> s_demo = DemoUsers().ToDictionary(u => u.UserName, StringComparer.OrdinalIgnoreCase);

    private static List<LocalUser> DemoUsers()
    {
        var hash = Hash(DemoPassword);
        return
        [
            new() { UserName = "admin", DisplayName = "Demo admin", PasswordHash = hash, Roles = [Roles.Admin] },
            new() { UserName = "teamlead", DisplayName = "Demo team lead", PasswordHash = hash, Roles = [Roles.TeamLead] },
            new() { UserName = "viewer", DisplayName = "Demo viewer (Sales only)", PasswordHash = hash, Roles = [Roles.Viewer], Queues = [DemoScopedQueue] },
        ];
    }
}
