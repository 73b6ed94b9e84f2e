using Callout.Dashboard.Api;
using Callout.Dashboard.BoardHost;
using Callout.Dashboard.RawDataPolling;

var builder = WebApplication.CreateBuilder(args);

builder.AddRawData();
builder.AddBoard();
builder.AddBoardApi();

var app = builder.Build();

app.MapBoardApi();

app.Run();

/// <summary>Entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
