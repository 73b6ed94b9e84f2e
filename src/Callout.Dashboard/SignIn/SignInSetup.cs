using System.Security.Claims;
using Callout.Dashboard.SharedState;
using Callout.Dashboard.Viewers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Callout.Dashboard.SignIn;

/// <summary>
/// Sign-in and access: one policy scheme picks, per request, a wall-display token (API and hub), the
/// sign-in cookie (Local and OpenID Connect), or open access (Auth:Mode=None). The mode is read when the
/// app runs, not when it is built, so tests and operators configure it through the same keys.
/// </summary>
public static class SignInSetup
{
    public const string PolicyScheme = "Callout";
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string OidcScheme = OpenIdConnectDefaults.AuthenticationScheme;

    public static WebApplicationBuilder AddSignIn(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        RateLimits.Add(services);
        services.AddHostedService<AccessModeReport>();

        // Keys sign the cookie, the wall tokens and Blazor's circuit descriptors: kept on disk so both survive a
        // restart, or in Redis so every server of the dashboard reads what another signed.
        services.AddDataProtection().SetApplicationName("Callout.Dashboard");
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider, IOptions<AuthOptions>, IHostEnvironment>((o, provider, auth, env) =>
            o.XmlRepository = provider.GetService<RedisState>() is { } redis
                ? new RedisXmlRepository(() => redis.Database, redis.Prefix + "data-protection-keys")
                : new FileSystemXmlRepository(OwnerOnlyDirectory(Path.Combine(auth.Value.DataPath(env), "keys")), NullLoggerFactory.Instance));

        services.AddAuthentication(PolicyScheme)
            .AddPolicyScheme(PolicyScheme, "Callout Dashboard", o => o.ForwardDefaultSelector = SelectScheme)
            .AddCookie(CookieScheme)
            .AddOpenIdConnect(OidcScheme, _ => { })
            .AddScheme<AuthenticationSchemeOptions, OpenAccessHandler>(OpenAccessHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, WallTokenHandler>(WallTokenHandler.SchemeName, null);
        services.Replace(ServiceDescriptor.Singleton<IAuthenticationSchemeProvider, ModeAwareSchemeProvider>());
        services.AddOptions<CookieAuthenticationOptions>(CookieScheme).Configure<AccessMode, IOptions<AuthOptions>>(ConfigureCookie);
        services.AddOptions<OpenIdConnectOptions>(OidcScheme).Configure<IOptions<AuthOptions>>((o, auth) => OpenIdConnectSignIn.Configure(o, auth.Value.OpenIdConnect));

        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .RequireRole(Roles.Readers.Split(','))
                .Build());
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, SessionRevalidation>();
        return builder;
    }

    public static WebApplication UseSignIn(this WebApplication app)
    {
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>The keys are stored unencrypted: only the app's own user may open their folder.</summary>
    private static DirectoryInfo OwnerOnlyDirectory(string path)
    {
        var directory = Directory.CreateDirectory(path);
        if (!OperatingSystem.IsWindows())
        {
            directory.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        }
        return directory;
    }

    /// <summary>API and hub calls get a status code; only pages are sent to a sign-in page.</summary>
    public static bool IsProgrammatic(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/hubs");

    private static string SelectScheme(HttpContext context)
    {
        if (WallTokenHandler.Carries(context.Request))
        {
            return WallTokenHandler.SchemeName;
        }
        return context.RequestServices.GetRequiredService<AccessMode>().Mode == AuthMode.None ? OpenAccessHandler.SchemeName : CookieScheme;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions options, AccessMode mode, IOptions<AuthOptions> auth)
    {
        options.Cookie.Name = "callout.auth";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.SlidingExpiration = true;
        options.ExpireTimeSpan = auth.Value.SessionLifetime;
        options.LoginPath = "/login";
        options.AccessDeniedPath = "/access-denied";
        if (mode.Mode == AuthMode.OpenIdConnect)
        {
            options.ForwardChallenge = OidcScheme;
        }
        options.Events.OnValidatePrincipal = RevalidateAsync;
        options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
    }

    /// <summary>Every request: a session ended, a user removed or narrowed, an expired provider token is signed out.</summary>
    private static async Task RevalidateAsync(CookieValidatePrincipalContext context)
    {
        if (!context.HttpContext.RequestServices.GetRequiredService<SessionCheck>().IsCurrent(context.Principal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieScheme);
        }
    }

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsProgrammatic(context.Request))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
        return Task.CompletedTask;
    }

    /// <summary>The principal's display name for pages and audit lines.</summary>
    public static string NameOf(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}
