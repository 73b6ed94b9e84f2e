using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Callout.Dashboard.Tests;

/// <summary>
/// The built dashboard as a real process on a free loopback port, as a user runs it. Its output is kept
/// for failure messages.
/// </summary>
public sealed class RealHost : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private RealHost(Process process, Uri address, string contentRoot)
    {
        _process = process;
        Address = address;
        ContentRoot = contentRoot;
    }

    public Uri Address { get; }

    public string ContentRoot { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the app in a new, empty content root (or the given one), with the given environment settings.
    /// Development, so the framework's and MudBlazor's static files are served from the build output.
    /// </summary>
    public static RealHost Start(IReadOnlyDictionary<string, string>? environment = null, int? port = null, string? contentRoot = null)
    {
        port ??= FreePort();
        contentRoot ??= Directory.CreateTempSubdirectory("callout-host-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = contentRoot,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Callout.Dashboard.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(contentRoot);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        var process = new Process { StartInfo = start };
        var host = new RealHost(process, new Uri($"http://127.0.0.1:{port}"), contentRoot);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    public int Port => Address.Port;

    /// <summary>Resident memory of the server process, from /proc (Linux).</summary>
    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>Stops the process the hard way, as a crash or a power cut would; the content root stays.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>Asks the process to stop as a service manager does (SIGTERM) and waits for it.</summary>
    public async Task<bool> StopGracefullyAsync(TimeSpan timeout)
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
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

    /// <summary>Waits until the host answers /healthz.</summary>
    public Task WaitUntilServingAsync(TimeSpan timeout) => WaitForHealthAsync(timeout, anyAnswer: false);

    /// <summary>
    /// Waits until the host answers HTTP at all (a 503 from a health check still waiting for data counts): on a
    /// busy CI machine starting the process alone can take tens of seconds, which is not what a test times.
    /// </summary>
    public Task WaitUntilListeningAsync(TimeSpan timeout) => WaitForHealthAsync(timeout, anyAnswer: true);

    private async Task WaitForHealthAsync(TimeSpan timeout, bool anyAnswer)
    {
        using var client = new HttpClient { BaseAddress = Address };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await client.GetAsync("/healthz");
                if (anyAnswer || response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            if (_process.HasExited)
            {
                throw new InvalidOperationException("The dashboard exited at start-up:\n" + Output);
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The dashboard did not answer within {timeout}:\n" + Output);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        if (ContentRoot.Contains("callout-host-", StringComparison.Ordinal) && Directory.Exists(ContentRoot))
        {
            Directory.Delete(ContentRoot, recursive: true);
        }
    }

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
