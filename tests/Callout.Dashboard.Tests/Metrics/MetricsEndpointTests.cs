using System.Globalization;
using Browser = Callout.Dashboard.Tests.Viewers.SignIn;

namespace Callout.Dashboard.Tests.Metrics;

/// <summary>GET /metrics through the real host: what Prometheus is given, and who may ask.</summary>
public sealed class MetricsEndpointTests
{
    /// <summary>Nothing listens on port 9: the access tests need a host, not data.</summary>
    private const string Unreachable = "Host=127.0.0.1;Port=9;Username=reader;Database=raw;Timeout=2";

    [Fact]
    public async Task Metrics_AfterTwoPolls_ExportThePollDurationHistogram()
    {
        await using var db = await TestDatabase.CreatePostgresAsync();
        await db.Writer.WriteCallAsync(PuzzelRows.Ordered(1, Oslo.Now().AddMinutes(-1)));
        await using var app = DashboardApp.OnPostgres(db.ConnectionString, ("Metrics:Anonymous", "true"));
        var http = app.CreateClient();

        var text = await Eventually.Until(() => http.GetStringAsync("/metrics"), t => Sum(t, "callout_poll_duration_seconds_count") >= 2,
            TimeSpan.FromSeconds(30), "two polls counted in /metrics");

        var buckets = Samples(text, "callout_poll_duration_seconds_bucket");
        Assert.Contains("# TYPE callout_poll_duration_seconds histogram", text);
        Assert.Contains(buckets, b => b.Labels.Contains("le=\"0.005\"", StringComparison.Ordinal));
        Assert.Equal(Sum(text, "callout_poll_duration_seconds_count"), buckets.Single(b => b.Labels.Contains("le=\"+Inf\"", StringComparison.Ordinal)).Value);
        // The start-up load read the order's two rows.
        Assert.True(Sum(text, "callout_poll_rows_sum") >= 2, "callout_poll_rows_sum: " + Sum(text, "callout_poll_rows_sum"));
    }

    /// <summary>Sign-in is on (Auth:Mode=Local), and a scraper elsewhere has no cookie.</summary>
    [Theory]
    [InlineData(false, HttpStatusCode.Forbidden)]
    [InlineData(true, HttpStatusCode.OK)]
    public async Task Metrics_AnonymousCallerElsewhere_IsRefusedUnlessMetricsAnonymous(bool anonymous, HttpStatusCode expected)
    {
        await using var app = DashboardApp.OnPostgres(Unreachable, [.. Browser.LocalUsers("__Callout_A"), ("Metrics:Anonymous", anonymous ? "true" : "false")]);
        app.CreateClient();

        var response = await app.Server.SendAsync(context =>
        {
            context.Request.Path = "/metrics";
            context.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.10");
        });

        Assert.Equal((int)expected, response.Response.StatusCode);
    }

    [Fact]
    public async Task Metrics_AnonymousCallerOnThisMachine_GetsThemWithoutSignIn()
    {
        await using var app = DashboardApp.OnPostgres(Unreachable, Browser.LocalUsers("__Callout_A"));
        using var http = OverLoopback(app);

        var response = await http.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("# TYPE callout_board_version gauge", await response.Content.ReadAsStringAsync());
    }

    /// <summary>Behind nginx on this machine every request comes from loopback: the forwarded client decides.</summary>
    [Fact]
    public async Task Metrics_ForwardedByALocalProxyForAnotherMachine_IsRefused()
    {
        await using var app = DashboardApp.OnPostgres(Unreachable, Browser.LocalUsers("__Callout_A"));
        using var proxy = OverLoopback(app);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        var response = await proxy.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Metrics:Anonymous=true", await response.Content.ReadAsStringAsync());
    }

    /// <summary>The in-memory server gives no client address, so only the sign-in can let these callers in.</summary>
    [Fact]
    public async Task Metrics_SignedInAdmin_GetsThem_OtherRolesAndAnonymousDoNot()
    {
        await using var app = DashboardApp.OnPostgres(Unreachable, Browser.LocalUsers("__Callout_A"));
        var (admin, _) = await Browser.AsAsync(app, "ada");
        var (lead, _) = await Browser.AsAsync(app, "lead");

        var forAdmin = await admin.GetAsync("/metrics");
        var forLead = await lead.GetAsync("/metrics");
        var forAnonymous = await Browser.Browser(app).GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, forAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forLead.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forAnonymous.StatusCode);
    }

    /// <summary>Auth:Mode=None lets everyone act as admin on the pages; that is nobody signing in.</summary>
    [Fact]
    public async Task Metrics_OpenAccess_DoesNotOpenThemToCallersElsewhere()
    {
        await using var app = DashboardApp.OnPostgres(Unreachable);

        var response = await app.CreateClient().GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    /// <summary>The host on a real socket, called from 127.0.0.1.</summary>
    private static HttpClient OverLoopback(DashboardApp app)
    {
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HttpClient { BaseAddress = new Uri(address) };
    }

    private static List<(string Labels, double Value)> Samples(string text, string name) =>
        [.. text.Split('\n').Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal))
            .Select(l => (l[name.Length..l.LastIndexOf(' ')], double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture)))];

    private static double Sum(string text, string name) => Samples(text, name).Sum(s => s.Value);
}
