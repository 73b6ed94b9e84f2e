namespace Callout.Dashboard.SignIn;

/// <summary>The <c>Security</c> section: framing and request limits.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Origins allowed to frame the pages (kiosk portals); none by default, so no framing at all.</summary>
    public List<string> FrameAncestors { get; set; } = [];

    /// <summary>
    /// Addresses of reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed (loopback always is), so
    /// rate limits key on the real client and HTTPS behind a proxy counts as HTTPS.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Other sites' origins whose pages may open the hub from a browser; the dashboard's own origin always may.</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>Sign-in attempts per client address and minute, against password guessing.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 5;

    /// <summary>Sustained GET /api/board requests per client address and second; the hub is the way to follow changes.</summary>
    public int ApiRequestsPerSecond { get; set; } = 10;

    /// <summary>Requests a client may make at once above the sustained rate.</summary>
    public int ApiBurst { get; set; } = 50;
}
