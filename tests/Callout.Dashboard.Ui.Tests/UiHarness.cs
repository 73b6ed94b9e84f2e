using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace Callout.Dashboard.Ui.Tests;

/// <summary>
/// A bUnit context wired like the app: MudBlazor services, loose JS interop, and a real Board in
/// Europe/Oslo whose clock is a <see cref="FakeTimeProvider"/> pinned to a winter morning.
/// One per test: MudBlazor's services are async-disposable, so tests end with <c>await using</c>.
/// </summary>
internal sealed class UiHarness : IAsyncDisposable
{

    /// <summary>A winter Thursday (Oslo at +01:00).</summary>
    public static readonly DateTime Winter = new(2026, 1, 15);

    public UiHarness(DateTime osloNow, Action<DashboardOptions>? configure = null, AlarmRules? alarms = null)
    {
        Clock = new FakeTimeProvider(ToInstant(osloNow));
        Board = new Board(new BoardRules { TimeZone = Oslo.Zone, Alarms = alarms ?? AlarmRules.Default }, Clock);
        Feed = new BoardFeed(Board);
        Snapshots = new SnapshotCache(Board, Clock);
        Options = new DashboardOptions();
        configure?.Invoke(Options);

        Context = new BunitContext();
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
        Context.Services.AddLocalization();
        Context.Services.AddSingleton(Board);
        Context.Services.AddSingleton(Feed);
        Context.Services.AddSingleton(Snapshots);
        Context.Services.AddScoped<PageClock>();
        Context.Services.AddSingleton<TimeProvider>(Clock);
        Context.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(Options));
        Context.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(AlarmSettings));

        // Signed in as a team lead of every queue unless a test says otherwise.
        Auth = Context.AddAuthorization();
        Auth.SetAuthorized("Test lead");
        Auth.SetRoles(Roles.TeamLead);
        _dataDirectory = Directory.CreateTempSubdirectory("callout-ui-").FullName;
        WallTokens = new WallTokenStore(
            new EphemeralDataProtectionProvider(),
            Microsoft.Extensions.Options.Options.Create(new AuthOptions { DataDirectory = _dataDirectory }),
            new HostingEnvironment { ContentRootPath = _dataDirectory },
            Clock,
            NullLogger<WallTokenStore>.Instance);
        Context.Services.AddSingleton(WallTokens);
        Access = new AccessMode(
            Microsoft.Extensions.Options.Options.Create(AuthSettings),
            Microsoft.Extensions.Options.Options.Create(new Callout.Dashboard.Demo.DemoOptions()),
            new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        Context.Services.AddSingleton(Access);
        Viewers = new ViewerResolver(WallTokens, Microsoft.Extensions.Options.Options.Create(Options));
        Context.Services.AddSingleton(Viewers);
        // Pages tick only when interactive, as on a circuit.
        Context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private readonly string _dataDirectory;

    /// <summary>Where <see cref="WallTokens"/> keeps its file.</summary>
    public string DataDirectory => _dataDirectory;

    public BunitAuthorizationContext Auth { get; }

    public WallTokenStore WallTokens { get; }

    /// <summary>The Auth section the pages see; Local sign-in unless a test changes it.</summary>
    public AuthOptions AuthSettings { get; } = new() { Mode = AuthMode.Local };

    public AccessMode Access { get; }

    public ViewerResolver Viewers { get; }

    public BunitContext Context { get; }

    public FakeTimeProvider Clock { get; }

    public Board Board { get; }

    public BoardFeed Feed { get; }

    public SnapshotCache Snapshots { get; }

    public DashboardOptions Options { get; }

    /// <summary>The Alarms section the pages see (the repeat interval of sound and notifications).</summary>
    public Callout.Dashboard.Alarms.AlarmOptions AlarmSettings { get; } = new();

    /// <summary>A wall-clock time of the winter test day.</summary>
    public static DateTime At(int hour, int minute, int second = 0) => Winter.AddHours(hour).AddMinutes(minute).AddSeconds(second);

    public static DateTimeOffset ToInstant(DateTime osloWallClock)
    {
        var local = DateTime.SpecifyKind(osloWallClock, DateTimeKind.Unspecified);
        return Oslo.At(local).ToUniversalTime();
    }

    public void SetLocalNow(DateTime osloWallClock) => Clock.SetUtcNow(ToInstant(osloWallClock));

    /// <summary>Moves the clock on and applies the alarm rules, as the server's alarm loop does each second.</summary>
    public void Advance(TimeSpan by)
    {
        Clock.Advance(by);
        Board.EvaluateAlarms();
    }

    /// <summary>One successful poll that brought these rows (and the queue and agent lookups).</summary>
    public void Poll(params IEnumerable<CallEventRow> rows) => Poll([.. rows], []);

    public void Poll(IReadOnlyList<CallEventRow> rows, IReadOnlyList<AgentEventRow> agentEvents)
    {
        Board.Apply(new PollBatch(rows, agentEvents, Rows.Agents, Rows.Queues));
        Board.RecordPoll(true);
    }

    /// <summary>The view a page would hand its panels, for rendering a panel on its own.</summary>
    public BoardView View(params string[] queueKeys) =>
        new(Snapshots.Get(queueKeys.Length == 0 ? QueueFilter.All : new QueueFilter(queueKeys), Options.MaskPhoneNumbers), Board.State, Options, TestTexts.Localizer);

    /// <summary>Renders a panel on its own with the current view; every panel takes one <c>View</c> parameter.</summary>
    public IRenderedComponent<TPanel> RenderPanel<TPanel>(params string[] queueKeys)
        where TPanel : IComponent
    {
        var view = View(queueKeys);
        return Context.Render<TPanel>(builder =>
        {
            builder.OpenComponent<TPanel>(0);
            builder.AddComponentParameter(1, "View", view);
            builder.CloseComponent();
        });
    }

    /// <summary>
    /// RenderCount counts the page's whole subtree, and MudBlazor children may render once more after
    /// their first render: wait until it holds still before comparing.
    /// </summary>
    public static async Task<int> SettledRenderCountAsync<T>(IRenderedComponent<T> cut)
        where T : IComponent
    {
        var count = cut.RenderCount;
        for (var i = 0; i < 20; i++)
        {
            await Task.Delay(25);
            if (cut.RenderCount == count)
            {
                return count;
            }
            count = cut.RenderCount;
        }
        return count;
    }

    /// <summary>Renders a live page at a URL, as the router would after navigation (query parameters included).</summary>
    public IRenderedComponent<TPage> RenderPage<TPage>(string uri = "/")
        where TPage : IComponent
    {
        Context.Services.GetRequiredService<BunitNavigationManager>().NavigateTo(uri);
        // The pages' queue filter is a MudSelect, whose popover needs a provider in the render tree; the tick
        // runs through the relay, as under the app's layouts.
        Context.Render<MudPopoverProvider>();
        Context.Render<PageClockRelay>();
        return Context.Render<TPage>();
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
