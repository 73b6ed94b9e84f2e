using Callout.Dashboard.Viewers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Callout.Dashboard.SignIn;

/// <summary>
/// Every scheme is registered whatever the mode (the mode is read when the app runs); this keeps the
/// OpenID Connect handler, the only one that handles requests of its own, out of the pipeline unless it
/// is the mode in force, so an unconfigured provider is never touched.
/// </summary>
public sealed class ModeAwareSchemeProvider(IOptions<AuthenticationOptions> options, AccessMode mode) : AuthenticationSchemeProvider(options)
{
    public override async Task<IEnumerable<AuthenticationScheme>> GetRequestHandlerSchemesAsync() =>
        mode.Mode == AuthMode.OpenIdConnect ? await base.GetRequestHandlerSchemesAsync() : [];
}
