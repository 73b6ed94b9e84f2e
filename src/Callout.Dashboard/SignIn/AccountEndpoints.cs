using Callout.Dashboard.Viewers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Callout.Dashboard.SignIn;

/// <summary>
/// Sign-in and sign-out. Form posts carry an antiforgery token (minimal APIs check it for form-bound
/// parameters); failed sign-ins go back to the form without saying whether the name exists.
/// </summary>
public static class AccountEndpoints
{
    public const string SignInPath = "/account/login";

    public static WebApplication MapAccountEndpoints(this WebApplication app)
    {
        app.MapPost(SignInPath, SignInAsync);
        app.MapGet("/account/login-oidc", (string? returnUrl, AccessMode mode) => mode.Mode == AuthMode.OpenIdConnect
            ? Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOrRoot(returnUrl) }, [SignInSetup.OidcScheme])
            : Results.NotFound());
        app.MapPost("/account/logout", SignOutAsync);
        return app;
    }

    private static async Task<IResult> SignInAsync(
        [FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl,
        HttpContext context, AccessMode mode, LocalUsers users)
    {
        if (mode.Mode != AuthMode.Local)
        {
            return Results.NotFound();
        }
        var principal = users.Verify(userName, password, SignInSetup.CookieScheme);
        if (principal is null)
        {
            return Results.Redirect($"/login?error=invalid&returnUrl={Uri.EscapeDataString(LocalOrRoot(returnUrl))}");
        }
        await context.SignInAsync(SignInSetup.CookieScheme, SessionCheck.WithSession(principal));
        return Results.Redirect(LocalOrRoot(returnUrl));
    }

    // The form parameter is not read: binding one is what makes a minimal API check the antiforgery token, so
    // another site cannot sign a user out.
    private static async Task<IResult> SignOutAsync([FromForm] string? returnUrl, HttpContext context, SessionCheck sessions, ILogger<SessionCheck> logger)
    {
        try
        {
            // Ended server-side: a copy of the cookie stops working too.
            sessions.End(context.User);
        }
        catch (SharedStateException ex)
        {
            logger.LogError("Signed out, but the session's end could not be saved: {Reason}", ex.Message);
        }
        await context.SignOutAsync(SignInSetup.CookieScheme);
        return Results.Redirect("/login?signedOut=1");
    }

    /// <summary>Sends a page to the sign-in page, to come back to it afterwards: a full load, as signing in is a form post.</summary>
    public static void GoToSignIn(this NavigationManager navigation) =>
        navigation.NavigateTo($"/login?returnUrl={Uri.EscapeDataString("/" + navigation.ToBaseRelativePath(navigation.Uri))}", forceLoad: true);

    /// <summary>
    /// Only paths on this site, by the framework's own check (control characters, backslashes and "//" make a
    /// browser read a path as another site): an open redirect would make our sign-in page a phishing tool.
    /// </summary>
    public static string LocalOrRoot(string? returnUrl) => RedirectHttpResult.IsLocalUrl(returnUrl) ? returnUrl! : "/";
}
