using System.Diagnostics;

namespace Callout.Dashboard.Testing;

/// <summary>Runs a built program to its end, as a user would from a shell, and keeps what it printed.</summary>
public static class ProcessRunner
{
    public sealed record Result(int Code, string Output, string Error);

    public static async Task<Result> RunDotnetAsync(string dll, IEnumerable<string> args, TimeSpan timeout, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"dotnet {dll} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {System.IO.Path.GetFileName(dll)} {string.Join(' ', args)} ran longer than {timeout}:\n{await output}\n{await error}");
        }
        return new Result(process.ExitCode, await output, await error);
    }
}
