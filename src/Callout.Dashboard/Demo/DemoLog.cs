namespace Callout.Dashboard.Demo;

/// <summary>What demo mode tells the operator: where its data goes, and why simulated traffic is off when it is.</summary>
internal static partial class DemoLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Demo mode: embedded Raw data file {Path}, {Rows} simulated rows written since {From}. Set ConnectionStrings:RawData to use a real database.")]
    public static partial void Embedded(this ILogger logger, string path, long rows, DateTime from);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo:Enabled is true: simulated traffic is being written into the configured Raw data database.")]
    public static partial void AgainstConfigured(this ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo:Enabled is true and the configured database was empty: the simulator created the Raw data tables in it.")]
    public static partial void CreatedSchema(this ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo:Enabled is true, but the configured database could not be prepared ({Reason}); simulated traffic is off.")]
    public static partial void Unreachable(this ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The configured database's exception.")]
    public static partial void Detail(this ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo traffic stopped.")]
    public static partial void Stopped(this ILogger logger, Exception exception);
}
