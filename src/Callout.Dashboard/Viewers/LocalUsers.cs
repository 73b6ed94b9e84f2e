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

    private readonly Dictionary<string, LocalUser> _users;
    // Checked when the user name is unknown, so a wrong name takes as long as a wrong password.
    private readonly string _decoyHash = s_hasher.HashPassword(new LocalUser(), Guid.NewGuid().ToString());

    public LocalUsers(IOptions<AuthOptions> options, AccessMode mode)
    {
        IsDemo = mode.IsDemo && options.Value.Users.Count == 0;
        var users = IsDemo ? DemoUsers() : options.Value.Users;
        _users = users.ToDictionary(u => u.UserName, StringComparer.OrdinalIgnoreCase);
    }

    public bool IsDemo { get; }

    public IReadOnlyCollection<LocalUser> All => _users.Values;

    public static string Hash(string password) => s_hasher.HashPassword(new LocalUser(), password);

    /// <summary>The signed-in principal, or null when the name or password is wrong.</summary>
    public ClaimsPrincipal? Verify(string? userName, string? password, string authenticationType)
    {
        var found = _users.GetValueOrDefault(userName?.Trim() ?? "");
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
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType));
    }

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
