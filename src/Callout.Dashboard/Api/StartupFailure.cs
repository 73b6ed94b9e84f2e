using Callout.Dashboard.RawData;
using Callout.Dashboard.Viewers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;

namespace Callout.Dashboard.Api;

/// <summary>
/// An operator's mistake found at start-up (a bad setting, a damaged links file, a Raw data database that refuses the
/// login, does not exist or lacks the Raw data tables) is told in one line on stderr, with a non-zero exit code: a stack
/// trace would bury the one sentence that says what to change. Anything else is a fault of ours and keeps its stack trace.
/// </summary>
public static class StartupFailure
{
    public const int ExitCode = 1;

    /// <summary>The operator's mistakes inside <paramref name="exception"/>, one sentence each; empty when it is none.</summary>
    public static IReadOnlyList<string> Mistakes(Exception exception) => Walk(exception)
        .SelectMany(e => e switch
        {
            OptionsValidationException invalid => invalid.Failures,
            SharedStateException damaged => [damaged.Message],
            RawDataConnectionException or RawDataSchemaException => [e.Message],
            _ => [],
        })
        .Distinct(StringComparer.Ordinal)
        .ToList();

    /// <summary>Under the tests' in-memory server the failure goes to the test as the exception it is.</summary>
    public static bool IsTestHost(IServiceProvider services) =>
        services.GetService<IServer>()?.GetType().FullName == "Microsoft.AspNetCore.TestHost.TestServer";

    public static string Line(IReadOnlyList<string> mistakes) => "Callout Dashboard did not start: " + string.Join(" ", mistakes);

    private static IEnumerable<Exception> Walk(Exception exception)
    {
        yield return exception;
        var inner = exception is AggregateException many ? many.InnerExceptions : exception.InnerException is { } one ? [one] : [];
        foreach (var e in inner.SelectMany(Walk))
        {
            yield return e;
        }
    }
}
