using Callout.Dashboard.Viewers;

namespace Callout.Dashboard.SignIn;

/// <summary>Says at start who may open the dashboard; running without sign-in on purpose is a warning.</summary>
public sealed partial class AccessModeReport(AccessMode mode, LocalUsers users, ILogger<AccessModeReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        switch (mode.Mode)
        {
            case AuthMode.None when mode.IsExplicit:
                LogOpenOnPurpose();
                break;
            case AuthMode.None:
                LogOpenDemo();
                break;
            case AuthMode.Local when users.IsDemo:
                LogDemoUsers(LocalUsers.DemoPassword);
                break;
            default:
                LogMode(mode.Mode);
                break;
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Auth:Mode is None: anyone who can reach this server sees the dashboard and can manage wall-display tokens. Use Local or OpenIdConnect outside a closed demo.")]
    private partial void LogOpenOnPurpose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo mode without sign-in. Set Auth:Mode=Local to try sign-in with the demo users.")]
    private partial void LogOpenDemo();

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in: demo users admin, teamlead and viewer, password '{Password}'.")]
    private partial void LogDemoUsers(string password);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in: {Mode}.")]
    private partial void LogMode(AuthMode mode);
}
