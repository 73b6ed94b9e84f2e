using Callout.Dashboard.Domain;
using Callout.Dashboard.RawData;
using Callout.Dashboard.RawDataPolling;
using Microsoft.Extensions.Options;

namespace Callout.Dashboard.BoardHost;

public static class BoardSetup
{
    /// <summary>The Board: one per server, shared by every viewer, fed only by the poller.</summary>
    public static WebApplicationBuilder AddBoard(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<BoardOptions>().BindConfiguration(BoardOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<BoardOptions>, BoardOptionsValidator>();
        builder.Services.AddSingleton(sp =>
        {
            var board = sp.GetRequiredService<IOptions<BoardOptions>>().Value;
            var rawData = sp.GetRequiredService<IOptions<RawDataOptions>>().Value;
            return new BoardRules
            {
                TimeZone = TimeZones.Resolve(rawData.TimeZone),
                CalloutQueuePrefixes = rawData.CalloutQueuePrefixes,
                RecentWindow = board.RecentWindow,
                ScheduledThreshold = board.ScheduledThreshold,
                InProgressLimit = board.InProgressLimit,
            };
        });
        builder.Services.AddSingleton(sp => new Board(sp.GetRequiredService<BoardRules>(), sp.GetRequiredService<TimeProvider>()));
        return builder;
    }
}
