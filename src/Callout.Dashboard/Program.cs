using Callout.Dashboard.Api;
using Callout.Dashboard.Demo;
using Callout.Dashboard.LiveBoard;
using Callout.Dashboard.SignIn;
using Callout.Dashboard.Streaming;
using Callout.Dashboard.Ui;
using Callout.Dashboard.Viewers;

if (args is ["hash-password", ..])
{
    return PasswordHashCommand.Run(Console.In, Console.Out);
}

var builder = WebApplication.CreateBuilder(args);

// A service manager's SIGTERM must not wait on open circuits and hub connections for long.
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(8));

// Demo first: hosted services start in this order, and the demo file must be ready before the first poll.
builder.AddDemo();
builder.AddLiveBoard();
builder.AddViewers();
builder.AddSignIn();
builder.AddBoardApi();
builder.AddStreaming();
builder.AddDashboardUi();

var app = builder.Build();

app.UseSecurityHeaders();
app.UseDashboardAssets();
app.UseSignIn();

app.MapAccountEndpoints();
app.MapBoardApi();
app.MapStreaming();
app.MapDashboardUi();

app.Run();
return 0;

/// <summary>Entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
