using Callout.Dashboard.RawData;

namespace Callout.Dashboard.LiveBoard;

/// <summary>
/// Looks at the Raw data database once, before the poller starts. An operator's mistake that retrying will not mend (a
/// refused login, a database or host that does not exist, no Raw data tables) stops start-up with one line naming the
/// setting. A database that is down or does not answer in time is only warned about: it may be restarting along with
/// the server, and a wall display must come up, show the outage and recover when the database does.
/// </summary>
public sealed partial class RawDataStartupCheck(IRawDataReader reader, ILogger<RawDataStartupCheck> logger) : IHostedService
{
    /// <summary>Long enough for a database that answers, short enough that a silent one does not hold the start for long.</summary>
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_timeout);
        try
        {
            await reader.DiscoverSchemaAsync(timeout.Token);
        }
        catch (Exception ex) when (ConnectionFailure.Mistake(ex) is { } mistake)
        {
            LogDetail(ex);
            throw new RawDataConnectionException(mistake, ex);
        }
        catch (Exception ex) when (ex is not RawDataSchemaException && !cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(timeout.IsCancellationRequested ? $"no answer within {s_timeout.TotalSeconds:0} s" : BoardSync.Describe(ex));
            LogDetail(ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Raw data database cannot be reached at start-up ({Reason}). The dashboard starts anyway, shows the outage and keeps trying; if it does not come back, check Host and Port in ConnectionStrings:RawData.")]
    private partial void LogUnreachable(string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The start-up check's exception.")]
    private partial void LogDetail(Exception exception);
}
