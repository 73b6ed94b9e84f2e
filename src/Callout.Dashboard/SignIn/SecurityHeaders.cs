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

    /// <summary>
    /// What a deployment needs before anything else runs: the client address and scheme from known proxies, a plain
    /// error page instead of a stack trace outside Development, HSTS over HTTPS, these headers, and the hub's
    /// Origin check (browsers send no CORS preflight for a WebSocket, so another site's page could open it with the
    /// user's cookie).
    /// </summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(error => error.Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                context.Response.ContentType = "text/plain; charset=utf-8";
                return context.Response.WriteAsync("Something went wrong on the server. It is logged; try again in a moment.");
            }));
            app.UseHsts();
        }
        app.Use((context, next) => IsForeignOrigin(context, options)
            ? Forbid(context)
            : next(context));
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

    /// <summary>A browser request to the hub from a page of another site than ours or the allowed ones.</summary>
    internal static bool IsForeignOrigin(HttpContext context, SecurityOptions options)
    {
        if (!context.Request.Path.StartsWithSegments("/hubs") || context.Request.Headers.Origin.ToString() is not { Length: > 0 } origin)
        {
            return false;
        }
        var own = $"{context.Request.Scheme}://{context.Request.Host}";
        return !string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)
            && !options.AllowedOrigins.Any(allowed => string.Equals(origin, allowed.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
    }

    private static Task Forbid(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return context.Response.WriteAsync("This page's origin may not open the board hub (Security:AllowedOrigins).");
    }
}
