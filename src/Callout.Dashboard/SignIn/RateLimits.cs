using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Callout.Dashboard.SignIn;

/// <summary>Per client address: few sign-in attempts a minute, and a token bucket on the API.</summary>
public static class RateLimits
{
    /// <summary>Binds the Security section (the headers read it too) and the limiter; part of AddSignIn.</summary>
    internal static void Add(IServiceCollection services)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section)
            .Validate(o => o.SignInAttemptsPerMinute > 0 && o.ApiRequestsPerSecond > 0 && o.ApiBurst > 0, "Security:SignInAttemptsPerMinute, Security:ApiRequestsPerSecond and Security:ApiBurst must be above zero.")
            .Validate(o => o.KnownProxies.All(p => System.Net.IPAddress.TryParse(p, out _)), "Security:KnownProxies must list IP addresses of reverse proxies, e.g. 10.0.0.5.")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<SecurityOptions>>((o, security) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in security.Value.KnownProxies)
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SecurityOptions>>((o, security) => Configure(o, security.Value));
    }

    private static void Configure(RateLimiterOptions options, SecurityOptions security)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = async (context, cancellationToken) =>
        {
            context.HttpContext.Response.Headers.RetryAfter = "60";
            await context.HttpContext.Response.WriteAsync("Too many requests from this address; wait a minute and try again.", cancellationToken);
        };
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            var request = context.Request;
            if (HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments(AccountEndpoints.SignInPath))
            {
                return RateLimitPartition.GetFixedWindowLimiter("sign-in:" + client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = security.SignInAttemptsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            }
            if (request.Path.StartsWithSegments("/api"))
            {
                return RateLimitPartition.GetTokenBucketLimiter("api:" + client, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = security.ApiBurst,
                    TokensPerPeriod = security.ApiRequestsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                });
            }
            return RateLimitPartition.GetNoLimiter("unlimited");
        });
    }
}
