using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Callout.Dashboard.Benchmarks;

/// <summary>
/// The built dashboard as a child process on a free loopback port, as an operator runs it
/// (<c>dotnet Callout.Dashboard.dll --urls …</c>). The last lines of its output are kept for error messages.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private const int KeptLines = 200;
    private const string AppRelativePath = "src/Callout.Dashboard/bin/Release/net10.0/Callout.Dashboard.dll";

    private readonly Process _process;
    private readonly Queue<string> _output = new();

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>
    /// The dashboard to run: <paramref name="explicitPath"/>, or the Release build in the repository this
    /// benchmark runs from (the folder holding Callout.Dashboard.sln), built first when it is missing.
    /// </summary>
    public static async Task<string> LocateAppAsync(string? explicitPath, CancellationToken cancellationToken)
    {
        if (explicitPath is not null)
        {
            return Path.GetFullPath(explicitPath);
        }
        var root = FindRepositoryRoot(AppContext.BaseDirectory) ?? FindRepositoryRoot(Environment.CurrentDirectory)
            ?? throw new InvalidOperationException(
                "fanout: cannot find the repository root (a folder with Callout.Dashboard.sln) above " +
                $"{AppContext.BaseDirectory} or {Environment.CurrentDirectory}; pass --app <path to Callout.Dashboard.dll>.");
        var app = Path.Combine(root, AppRelativePath);
        if (!File.Exists(app))
        {
            Console.WriteLine($"fanout: {app} is missing; building it: dotnet build -c Release src/Callout.Dashboard (in {root})…");
            var build = new ProcessStartInfo("dotnet") { WorkingDirectory = root };
            foreach (var argument in new[] { "build", "-c", "Release", "src/Callout.Dashboard", "-nologo", "-v", "q" })
            {
                build.ArgumentList.Add(argument);
            }
            using var process = Process.Start(build) ?? throw new InvalidOperationException("fanout: could not start 'dotnet build'.");
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0 || !File.Exists(app))
            {
                throw new InvalidOperationException($"fanout: 'dotnet build -c Release src/Callout.Dashboard' failed (exit {process.ExitCode}); see its output above.");
            }
        }
        else if (NewestSource(root) is { } source && File.GetLastWriteTimeUtc(source) > File.GetLastWriteTimeUtc(app))
        {
            Console.WriteLine($"fanout: warning: {Path.GetRelativePath(root, source)} is newer than the built dashboard; " +
                "run 'dotnet build -c Release src/Callout.Dashboard' to measure the current code.");
        }
        return app;
    }

    /// <summary>Starts the dashboard with the given settings (environment variables, <c>__</c> for <c>:</c>).</summary>
    public static ServerProcess Start(string appPath, IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var folder = Path.GetDirectoryName(appPath)!;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The build output holds appsettings.json and the static web assets manifest.
            WorkingDirectory = folder,
        };
        foreach (var argument in new[] { appPath, "--urls", $"http://127.0.0.1:{port}", "--contentRoot", folder })
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var process = new Process { StartInfo = start };
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Waits until the dashboard serves and its first poll succeeded (freshness.lastPollOk on /api/board).</summary>
    public async Task WaitUntilPollingAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The dashboard exited at start-up (exit {_process.ExitCode}):\n{Output}");
            }
            try
            {
                using var response = await client.GetAsync("/api/board", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    using var board = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                    if (board.RootElement.TryGetProperty("freshness", out var freshness)
                        && freshness.TryGetProperty("lastPollOk", out var ok) && ok.ValueKind == JsonValueKind.True)
                    {
                        return;
                    }
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
            }
            await Task.Delay(200, cancellationToken);
        }
        throw new TimeoutException($"The dashboard did not report a good poll within {timeout}:\n{Output}");
    }

    /// <summary>User plus system CPU time of the process so far, from /proc/&lt;pid&gt;/stat (Linux).</summary>
    public TimeSpan CpuTime() => ProcFs.CpuTime(_process.Id);

    /// <summary>Resident memory of the process, from /proc/&lt;pid&gt;/status (Linux).</summary>
    public long ResidentBytes() => ProcFs.ResidentBytes(_process.Id);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(wait.Token);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
            // Already gone, or it would not die in time: nothing more to do from here.
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > KeptLines)
            {
                _output.Dequeue();
            }
        }
    }

    private static string? FindRepositoryRoot(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Callout.Dashboard.sln")))
            {
                return folder.FullName;
            }
        }
        return null;
    }

    private static string? NewestSource(string root)
    {
        var src = Path.Combine(root, "src");
        if (!Directory.Exists(src))
        {
            return null;
        }
        return Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal))
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains("Simulator", StringComparison.Ordinal))
            .MaxBy(File.GetLastWriteTimeUtc);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Process figures from Linux's /proc.</summary>
    private static class ProcFs
    {
        // USER_HZ, the unit of utime/stime in /proc/<pid>/stat: 100 on every Linux ABI .NET runs on.
        private const double TicksPerSecond = 100;

        public static TimeSpan CpuTime(int pid)
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / TicksPerSecond);
        }

        public static long ResidentBytes(int pid)
        {
            var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
    }
}
