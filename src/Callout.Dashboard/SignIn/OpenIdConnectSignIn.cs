using System.Security.Claims;
using Callout.Dashboard.Viewers;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Callout.Dashboard.SignIn;

/// <summary>
/// OpenID Connect (authorization code flow): the identity provider names the person, their roles (our role
/// names, in <see cref="OpenIdConnectSettings.RoleClaim"/>) and optionally their queues; a session cookie
/// holds the result.
/// </summary>
public static class OpenIdConnectSignIn
{
    public static void Configure(OpenIdConnectOptions options, OpenIdConnectSettings settings)
    {
        options.SignInScheme = SignInSetup.CookieScheme;
        options.Authority = settings.Authority;
        options.ClientId = settings.ClientId;
        options.ClientSecret = settings.ClientSecret;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        options.MapInboundClaims = false;
        options.SaveTokens = false;
        options.GetClaimsFromUserInfoEndpoint = true;
        options.Scope.Clear();
        foreach (var scope in settings.Scopes)
        {
            options.Scope.Add(scope);
        }
        options.TokenValidationParameters.NameClaimType = "name";
        // Roles are read from settings.RoleClaim in any shape and kept as ClaimTypes.Role, which IsInRole checks.
        options.TokenValidationParameters.RoleClaimType = ClaimTypes.Role;
        options.Events.OnTokenValidated = context =>
        {
            if (context.Principal?.Identity is ClaimsIdentity identity)
            {
                AddOurClaims(identity, settings);
                // The session lasts as long as the provider's token, not as long as our sliding cookie.
                SessionCheck.WithSession(context.Principal, context.SecurityToken?.ValidTo is { } until && until > DateTime.MinValue
                    ? new DateTimeOffset(until, TimeSpan.Zero) : DateTimeOffset.UtcNow.AddHours(1));
            }
            return Task.CompletedTask;
        };
        options.Events.OnRedirectToIdentityProvider = context =>
        {
            // Programs calling the API or hub get 401, not a sign-in page they cannot follow.
            if (SignInSetup.IsProgrammatic(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.HandleResponse();
            }
            return Task.CompletedTask;
        };
    }

    /// <summary>
    /// Roles and queues arrive as the provider sends them: one claim per value, or one claim holding a
    /// JSON array or a space- or comma-separated list. We keep ours in <see cref="ClaimTypes.Role"/>
    /// and <see cref="CalloutClaims.Queue"/>.
    /// </summary>
    public static void AddOurClaims(ClaimsIdentity identity, OpenIdConnectSettings settings)
    {
        foreach (var role in Values(identity, settings.RoleClaim).Where(r => Roles.People.Contains(r)))
        {
            if (!identity.HasClaim(ClaimTypes.Role, role))
            {
                identity.AddClaim(new Claim(ClaimTypes.Role, role));
            }
        }
        // The claim present, even empty ("", [], [""]), is a list: the person sees those queues and no others.
        if (identity.HasClaim(c => c.Type == settings.QueueClaim))
        {
            identity.AddClaim(new Claim(CalloutClaims.QueueScoped, "true"));
        }
        foreach (var queue in Values(identity, settings.QueueClaim))
        {
            identity.AddClaim(new Claim(CalloutClaims.Queue, queue));
        }
    }

    private static IEnumerable<string> Values(ClaimsIdentity identity, string claimType) =>
        identity.FindAll(claimType)
            .SelectMany(c => c.Value.Trim().Trim('[', ']').Split([' ', ',', '"'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
