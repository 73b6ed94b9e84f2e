using Callout.Dashboard.Viewers;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace Callout.Dashboard.SignIn;

/// <summary>
/// An open page (a Blazor circuit) asks again every <see cref="AuthOptions.RevalidationInterval"/> whether its
/// viewer may still look: a signed-out session, a removed or narrowed user or an expired provider token turns the
/// circuit anonymous, and the page then goes to the sign-in page.
/// </summary>
public sealed class SessionRevalidation(ILoggerFactory loggerFactory, SessionCheck sessions, IOptions<AuthOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => options.Value.RevalidationInterval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        Task.FromResult(sessions.IsCurrent(authenticationState.User));
}
