using Callout.Dashboard.Demo;
using Microsoft.Extensions.Options;

namespace Callout.Dashboard.Viewers;

/// <summary>The sign-in mode in force, with its default resolved: None only for the demo, Local otherwise.</summary>
public sealed class AccessMode(IOptions<AuthOptions> auth, IOptions<DemoOptions> demo, IConfiguration configuration)
{
    /// <summary>The authentication type of everyone's principal under Auth:Mode=None.</summary>
    public const string OpenAccessScheme = "Open";

    public bool IsDemo => DemoTraffic.IsRunning(demo.Value, configuration);

    public AuthMode Mode => Resolve(auth.Value, IsDemo);

    public bool IsExplicit => auth.Value.Mode is not null;

    public static AuthMode Resolve(AuthOptions auth, bool isDemo) => auth.Mode ?? (isDemo ? AuthMode.None : AuthMode.Local);
}
