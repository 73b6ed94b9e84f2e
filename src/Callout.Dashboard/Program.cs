using Callout.Dashboard.Access;
using Callout.Dashboard.Api;
using Callout.Dashboard.BoardHost;
using Callout.Dashboard.Demo;
using Callout.Dashboard.Hub;
using Callout.Dashboard.Live;
using Callout.Dashboard.RawDataPolling;

if (args is ["hash-password", ..])
{
    return PasswordHashCommand.Run(Console.In, Console.Out);
}

var builder = WebApplication.CreateBuilder(args);

// A service manager's SIGTERM must not wait on open circuits and hub connections for long.
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(8));

// Demo first: hosted services start in this order, and the demo file must be ready before the first poll.
builder.AddDemo();
builder.AddRawData();
builder.AddBoard();
builder.AddBoardApi();
builder.AddBoardHub();
builder.AddDashboardUi();
builder.AddAccessControl();
builder.AddRateLimits();

var app = builder.Build();

app.UseSecurityHeaders();
app.UseDashboardAssets();
app.UseAccessControl();

app.MapAccountEndpoints();
app.MapBoardApi();
app.MapBoardHub();
app.MapDashboardUi();

app.Run();
return 0;

/// <summary>Entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
