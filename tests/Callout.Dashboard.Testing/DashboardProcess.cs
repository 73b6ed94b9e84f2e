using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Callout.Dashboard.Testing;

/// <summary>
/// The built dashboard as a child process on a free loopback port, as an operator runs it
/// (<c>dotnet Callout.Dashboard.dll --urls …</c>), for host tests, browser tests and benchmarks. The last lines of
/// its output are kept for failure messages.
/// </summary>
public sealed class DashboardProcess : IAsyncDisposable
{
    private const int KeptLines = 400;

    private readonly Process _process;
    private readonly Queue<string> _output = new();
    private readonly bool _ownsContentRoot;

    private DashboardProcess(Process process, Uri address, string contentRoot, bool ownsContentRoot)
    {
        _process = process;
        Address = address;
        ContentRoot = contentRoot;
        _ownsContentRoot = ownsContentRoot;
    }

    public Uri Address { get; }

    public int Port => Address.Port;

    /// <summary>Where the process keeps its files (wall links, keys, the demo database).</summary>
    public string ContentRoot { get; }

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
    /// Starts <paramref name="app"/> (default: the Callout.Dashboard.dll built beside the caller) with the given settings
    /// (environment variables, <c>__</c> for <c>:</c>), in a new empty content root unless one is given. Development
    /// unless the settings say otherwise, so the framework's and MudBlazor's static files are served from the build
    /// output. What the calling shell sets for the Raw data connection is not passed on: the settings decide.
    /// </summary>
    public static DashboardProcess Start(IReadOnlyDictionary<string, string>? environment = null, int? port = null, string? contentRoot = null, string? app = null)
    {
        port ??= FreePort();
        var ownsContentRoot = contentRoot is null;
        contentRoot ??= Directory.CreateTempSubdirectory("callout-host-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = contentRoot,
        };
        foreach (var argument in new[] { app ?? System.IO.Path.Combine(AppContext.BaseDirectory, "Callout.Dashboard.dll"), "--urls", $"http://127.0.0.1:{port}", "--contentRoot", contentRoot })
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var key in start.Environment.Keys.Where(k =>
                     k.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("RawData__", StringComparison.OrdinalIgnoreCase)
                     || k.Equals("ASPNETCORE_URLS", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        // The test databases are nobody's data: open access on them is meant.
        start.Environment["Auth__AllowOpenAccess"] = "true";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        var process = new Process { StartInfo = start };
        var host = new DashboardProcess(process, new Uri($"http://127.0.0.1:{port}"), contentRoot, ownsContentRoot);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>User plus system CPU time of the process so far (Linux).</summary>
    public TimeSpan CpuTime() => ProcFs.CpuTime(_process.Id);

    /// <summary>Resident memory of the process (Linux).</summary>
    public long ResidentBytes() => ProcFs.ResidentBytes(_process.Id);

    /// <summary>Stops the process the hard way, as a crash or a power cut would; the content root stays.</summary>
    public async Task KillAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        // If it would not die in time there is nothing more to do from here.
        await WaitForExitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Waits for the process to end on its own; false when it still runs after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Asks the process to stop as a service manager does (SIGTERM) and waits for it.</summary>
    public async Task<bool> StopGracefullyAsync(TimeSpan timeout)
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        return await WaitForExitAsync(timeout);
    }

    /// <summary>Waits until the host answers /healthz with a success code.</summary>
    public Task WaitUntilServingAsync(TimeSpan timeout) => WaitForAsync("/healthz", timeout, "/healthz to answer 200", (code, _) => code < 400);

    /// <summary>
    /// Waits until the host answers HTTP at all (a 503 from a health check still waiting for data counts): on a
    /// busy CI machine starting the process alone can take tens of seconds, which is not what a test times.
    /// </summary>
    public Task WaitUntilListeningAsync(TimeSpan timeout) => WaitForAsync("/healthz", timeout, "the dashboard to answer HTTP", (_, _) => true);

    /// <summary>Waits until /healthz says healthy: data read and the last poll good.</summary>
    public Task WaitUntilHealthyAsync(TimeSpan timeout) =>
        WaitForAsync("/healthz", timeout, "/healthz to say healthy", (_, body) => Json(body, "status") == "healthy");

    /// <summary>Waits until the first poll succeeded (freshness.lastPollOk on /api/board).</summary>
    public Task WaitUntilPollingAsync(TimeSpan timeout) =>
        WaitForAsync("/api/board", timeout, "a good poll on /api/board", (code, body) => code < 400 && Json(body, "freshness", "lastPollOk") == "True");

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        if (_ownsContentRoot && Directory.Exists(ContentRoot))
        {
            Directory.Delete(ContentRoot, recursive: true);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitForAsync(string path, TimeSpan timeout, string what, Func<int, string, bool> done)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            await Eventually.Until(
                async () =>
                {
                    if (_process.HasExited)
                    {
                        throw new InvalidOperationException($"The dashboard exited at start-up (exit {_process.ExitCode}):\n{Output}");
                    }
                    using var response = await client.GetAsync(path);
                    return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
                },
                answer => done(answer.Item1, answer.Item2),
                timeout,
                $"{what} ({Address})",
                every: TimeSpan.FromMilliseconds(200));
        }
        catch (TimeoutException timedOut)
        {
            throw new TimeoutException($"{timedOut.Message}\n{Output}");
        }
    }

    private static string? Json(string body, params string[] path)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var element = json.RootElement;
            foreach (var name in path)
            {
                if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
                {
                    return null;
                }
            }
            return element.ToString();
        }
        catch (JsonException)
        {
            return null;
        }
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
}
