using Microsoft.Extensions.Options;

namespace Callout.Dashboard.SignIn;

/// <summary>
/// Headers on every response. The CSP allows only our own scripts and connections; styles need
/// 'unsafe-inline' because Blazor and MudBlazor set style attributes. No referrer is sent, so a wall
/// display's token in its URL never leaves the site.
/// </summary>
public static class SecurityHeaders
{
    public static string ContentSecurityPolicy(SecurityOptions options)
    {
        var ancestors = options.FrameAncestors.Count == 0 ? "'none'" : string.Join(' ', options.FrameAncestors);
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + $"frame-ancestors {ancestors}";
    }

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        var csp = ContentSecurityPolicy(options);
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = csp;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            if (options.FrameAncestors.Count == 0)
            {
                headers.XFrameOptions = "DENY";
            }
            return next(context);
        });
        return app;
    }
}
