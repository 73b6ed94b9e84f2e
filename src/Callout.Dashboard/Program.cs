using Callout.Dashboard.Alarms;
using Callout.Dashboard.Api;
using Callout.Dashboard.Demo;
using Callout.Dashboard.LiveBoard;
using Callout.Dashboard.Metrics;
using Callout.Dashboard.SharedState;
using Callout.Dashboard.SignIn;
using Callout.Dashboard.Streaming;
using Callout.Dashboard.Ui;
using Callout.Dashboard.Viewers;

if (args is ["hash-password", ..])
{
    return PasswordHashCommand.Run(Console.In, Console.Out);
}

var builder = WebApplication.CreateBuilder(args);

// A start-up refusal is told by StartupFailure in one line; the host's own report would repeat it with a stack trace.
builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);

// A service manager's SIGTERM must not wait on open circuits and hub connections for long.
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(8));

// Demo first: hosted services start in this order, and the demo file must be ready before the first poll.
builder.AddDemo();
builder.AddLiveBoard();
builder.AddAlarms();
builder.AddSharedState();
builder.AddViewers();
builder.AddSignIn();
builder.AddBoardApi();
builder.AddStreaming();
builder.AddDashboardUi();
builder.AddDashboardMetrics();

var app = builder.Build();

// Asked before the app runs: the host disposes its services when it fails to start.
var tellOperator = !StartupFailure.IsTestHost(app.Services);
try
{
    // Inside the try: building the pipeline already reads options (sign-in's keys), so a bad setting can surface here.
    app.UseSecurityHeaders();
    app.UseDashboardAssets();
    app.UseLanguages();
    app.UseSignIn();

    app.MapAccountEndpoints();
    app.MapBoardApi();
    app.MapStreaming();
    app.MapDashboardUi();
    app.MapDashboardMetrics();

    app.Run();
}
catch (Exception ex) when (tellOperator && StartupFailure.Mistakes(ex) is { Count: > 0 } mistakes)
{
    Console.Error.WriteLine(StartupFailure.Line(mistakes));
    return StartupFailure.ExitCode;
}
return 0;

/// <summary>Entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
