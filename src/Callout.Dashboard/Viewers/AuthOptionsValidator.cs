using Callout.Dashboard.Demo;
using Microsoft.Extensions.Options;

namespace Callout.Dashboard.Viewers;

/// <summary>
/// Refuses to start with a sign-in setup that would lock everyone out or let everyone in by accident,
/// naming the setting to fix.
/// </summary>
public sealed class AuthOptionsValidator(IOptions<DemoOptions> demo, IConfiguration configuration) : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        var isDemo = DemoTraffic.IsRunning(demo.Value, configuration);
        if (options.RevalidationInterval < TimeSpan.FromSeconds(1) || options.RevalidationInterval > TimeSpan.FromMinutes(1))
        {
            failures.Add($"Auth:RevalidationInterval must be between 00:00:01 and 00:01:00 (got {options.RevalidationInterval}): a removed user must lose access within a minute.");
        }
        var mode = AccessMode.Resolve(options, isDemo);
        // Only the embedded demo file is the dashboard's own: anything else may be a real centre's data.
        if (!DemoDatabase.IsInUse(configuration) && !options.AllowOpenAccess)
        {
            if (mode == AuthMode.None)
            {
                failures.Add("Auth:Mode is None (the default with Demo:Enabled=true) against the configured Raw data database: anyone who can reach "
                    + "this server would see it. Use Auth:Mode=Local or OpenIdConnect, or set Auth:AllowOpenAccess=true if that is meant.");
            }
            else if (mode == AuthMode.Local && options.Users.Count == 0 && isDemo)
            {
                failures.Add("Auth:Mode is Local with no users, so the demo users (password 'demo') would guard the configured Raw data database. "
                    + "Add users in Auth:Users, or set Auth:AllowOpenAccess=true if that is meant.");
            }
        }
        switch (mode)
        {
            case AuthMode.Local when options.Users.Count == 0 && !isDemo:
                failures.Add("Auth:Mode is Local (the default when a Raw data database is configured) but no user is defined in Auth:Users. "
                    + "Add one (hash its password with `dotnet run --project src/Callout.Dashboard -- hash-password`), "
                    + "or set Auth:Mode to OpenIdConnect, or to None to run without sign-in.");
                break;
            case AuthMode.Local:
                failures.AddRange(options.Users.SelectMany((u, i) => UserProblems(u, i)));
                var repeated = options.Users.GroupBy(u => u.UserName, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key);
                failures.AddRange(repeated.Select(u => $"Auth:Users names '{u}' more than once."));
                break;
            case AuthMode.OpenIdConnect:
                failures.AddRange(OpenIdConnectProblems(options.OpenIdConnect));
                break;
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> UserProblems(LocalUser user, int index)
    {
        var key = $"Auth:Users:{index}";
        if (string.IsNullOrWhiteSpace(user.UserName))
        {
            yield return $"{key}:UserName is empty.";
        }
        if (!IsPasswordHash(user.PasswordHash))
        {
            yield return $"{key}:PasswordHash is not a password hash; create one with `dotnet run --project src/Callout.Dashboard -- hash-password` (plain passwords are never accepted).";
        }
        foreach (var blank in user.Queues.Select((q, i) => (q, i)).Where(e => string.IsNullOrWhiteSpace(e.q)))
        {
            yield return $"{key}:Queues:{blank.i} is empty: name the queue, or remove it (a user without Queues sees every queue).";
        }
        if (user.Roles.Count == 0 || user.Roles.Any(r => !Roles.People.Contains(r)))
        {
            yield return $"{key}:Roles must list one or more of {string.Join(", ", Roles.People)} (got '{string.Join(", ", user.Roles)}').";
        }
    }

    private static IEnumerable<string> OpenIdConnectProblems(OpenIdConnectSettings oidc)
    {
        if (!Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority))
        {
            yield return "Auth:OpenIdConnect:Authority must be the identity provider's absolute URL, e.g. https://login.example.com/realms/contact-centre.";
        }
        else if (authority.Scheme != Uri.UriSchemeHttps && oidc.RequireHttpsMetadata)
        {
            yield return "Auth:OpenIdConnect:Authority must use https.";
        }
        if (string.IsNullOrWhiteSpace(oidc.ClientId))
        {
            yield return "Auth:OpenIdConnect:ClientId is not set.";
        }
    }

    /// <summary>Identity's v3 format: a 0x01 marker, then PRF, iteration count, salt and subkey.</summary>
    private static bool IsPasswordHash(string? hash)
    {
        if (string.IsNullOrWhiteSpace(hash))
        {
            return false;
        }
        var bytes = new byte[hash.Length];
        return Convert.TryFromBase64String(hash, bytes, out var length) && length >= 13 + 16 && bytes[0] == 0x01;
    }
}
