using System.Security.Claims;
using System.Text.Encodings.Web;
using Callout.Dashboard.Viewers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Callout.Dashboard.SignIn;

/// <summary>
/// <c>Auth:Mode=None</c>: everyone is let in as an anonymous viewer of every queue, with the Admin role so
/// the demo can show the token page. Numbers stay masked unless Dashboard settings say otherwise.
/// </summary>
public sealed class OpenAccessHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = AccessMode.OpenAccessScheme;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        Claim[] claims =
        [
            new(ClaimTypes.Name, "Anonymous"),
            .. Roles.People.Select(r => new Claim(ClaimTypes.Role, r)),
        ];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
