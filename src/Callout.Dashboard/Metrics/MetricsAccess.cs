using System.Net;
using System.Security.Claims;
using Callout.Dashboard.Viewers;

namespace Callout.Dashboard.Metrics;

/// <summary>
/// Who may read /metrics: anyone when Metrics:Anonymous=true; otherwise a caller on this machine or a signed-in admin.
/// The address is the one after forwarded headers, so a request a known proxy forwards for another machine is not
/// local. Open access (Auth:Mode=None) lets everyone act as admin on the pages, but nobody signed in, so it does not
/// open /metrics.
/// </summary>
public static class MetricsAccess
{
    public const string Refusal = "/metrics is open to this machine and to signed-in admins; set Metrics:Anonymous=true to open it to everyone.";

    public static bool Allows(HttpContext context, MetricsOptions options) =>
        options.Anonymous || IsLoopback(context.Connection.RemoteIpAddress) || IsSignedInAdmin(context.User);

    /// <summary>No address (a Unix socket, an in-memory test server) is not known to be local.</summary>
    private static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    private static bool IsSignedInAdmin(ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, AuthenticationType: not AccessMode.OpenAccessScheme } && user.IsInRole(Roles.Admin);
}
