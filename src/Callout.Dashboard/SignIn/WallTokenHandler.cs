using System.Text.Encodings.Web;
using Callout.Dashboard.Viewers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Callout.Dashboard.SignIn;

/// <summary>
/// Wall-display tokens for programs: <c>Authorization: Bearer &lt;token&gt;</c> on /api/board, or
/// <c>access_token</c> in the query on /hubs/board (how SignalR clients send one over WebSockets).
/// </summary>
public sealed class WallTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, WallTokenStore tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "WallToken";

    /// <summary>
    /// True when an API or hub request carries a token, so the policy scheme sends it here. Pages never take one this
    /// way: a page's wall link is <c>?token=</c>, whose circuit is tracked and stopped when the link is revoked.
    /// </summary>
    public static bool Carries(HttpRequest request) =>
        SignInSetup.IsProgrammatic(request)
        && (request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            || (request.Path.StartsWithSegments("/hubs") && request.Query.ContainsKey("access_token")));

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        var secret = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim()
            : Request.Query["access_token"].ToString();
        if (tokens.Validate(secret) is not { } token)
        {
            return Task.FromResult(AuthenticateResult.Fail("The wall-display token is unknown, altered or revoked."));
        }
        tokens.Touch(token.Id);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(WallTokenPrincipal.Create(token), SchemeName)));
    }
}
