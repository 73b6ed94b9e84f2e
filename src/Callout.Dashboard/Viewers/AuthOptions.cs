namespace Callout.Dashboard.Viewers;

public enum AuthMode
{
    None,
    Local,
    OpenIdConnect,
}

/// <summary>The <c>Auth</c> section: who may open the dashboard and which queues they see.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Unset: <see cref="AuthMode.None"/> in demo mode, <see cref="AuthMode.Local"/> against a configured database.</summary>
    public AuthMode? Mode { get; set; }

    /// <summary>Users of <see cref="AuthMode.Local"/>; passwords only as hashes (see README: hash-password).</summary>
    public List<LocalUser> Users { get; set; } = [];

    public OpenIdConnectSettings OpenIdConnect { get; set; } = new();

    /// <summary>Where wall-display tokens and the keys that sign them and the sign-in cookie are kept.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The folder for tokens and keys: relative paths are under the app's content root.</summary>
    public string DataPath(IHostEnvironment environment) => Path.Combine(environment.ContentRootPath, DataDirectory);

    /// <summary>
    /// Lets open access (Auth:Mode=None) or the demo users guard a Raw data database the dashboard did not create
    /// itself; without it start-up refuses, so nobody opens a real centre's data to everyone by accident.
    /// </summary>
    public bool AllowOpenAccess { get; set; }

    /// <summary>How often open pages and hub connections ask again whether their viewer may still look.</summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A signed-in session ends after this long without a request (sliding).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);
}

public sealed class LocalUser
{
    public string UserName { get; set; } = "";

    public string? DisplayName { get; set; }

    /// <summary>ASP.NET Core Identity's PBKDF2 format (v3), as printed by <c>hash-password</c>.</summary>
    public string PasswordHash { get; set; } = "";

    public List<string> Roles { get; set; } = [];

    /// <summary>Queue keys this user may see; empty: every queue.</summary>
    public List<string> Queues { get; set; } = [];
}

public sealed class OpenIdConnectSettings
{
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>From the environment or user-secrets only, never from a committed file.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The token claim that carries our role names (Admin, TeamLead, Viewer).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The token claim that lists the queue keys a user may see; absent: every queue.</summary>
    public string QueueClaim { get; set; } = "callout_queues";

    public List<string> Scopes { get; set; } = ["openid", "profile"];

    /// <summary>Only for a test identity provider on plain HTTP.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
