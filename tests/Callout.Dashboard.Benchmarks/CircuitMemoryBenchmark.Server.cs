using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Callout.Dashboard.Benchmarks;

public static partial class CircuitMemoryBenchmark
{
    /// <summary>
    /// The built dashboard as a real process on a free loopback port in demo mode (embedded SQLite file and
    /// simulator), in its own temporary content root. Development, so the framework's and MudBlazor's static
    /// files are served from the build output. Follows tests/Callout.Dashboard.Tests/RealHost.cs.
    /// </summary>
    private sealed class DashboardServer : IAsyncDisposable
    {
        private const int KeptOutputLines = 200;
        private readonly Process _process;
        private readonly Queue<string> _output = new();

        private DashboardServer(Process process, Uri address, string contentRoot)
        {
            _process = process;
            Address = address;
            ContentRoot = contentRoot;
        }

        public Uri Address { get; }

        public string ContentRoot { get; }

        public int ProcessId => _process.Id;

        public bool HasExited => _process.HasExited;

        /// <summary>The last lines the server wrote, for failure messages.</summary>
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

        public static DashboardServer Start(string dll)
        {
            var port = FreePort();
            var contentRoot = Directory.CreateTempSubdirectory("callout-circuits-").FullName;
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = contentRoot,
            };
            start.ArgumentList.Add(dll);
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add($"http://127.0.0.1:{port}");
            start.ArgumentList.Add("--contentRoot");
            start.ArgumentList.Add(contentRoot);
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            start.Environment["Demo__Seed"] = "1";
            // Demo mode is "no connection string": settings inherited from this shell must not point it elsewhere.
            foreach (var key in start.Environment.Keys.Where(k =>
                         k.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
                         || k.StartsWith("RawData__", StringComparison.OrdinalIgnoreCase)
                         || k.Equals("ASPNETCORE_URLS", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                start.Environment.Remove(key);
            }
            var process = new Process { StartInfo = start };
            var server = new DashboardServer(process, new Uri($"http://127.0.0.1:{port}"), contentRoot);
            process.OutputDataReceived += (_, e) => server.Append(e.Data);
            process.ErrorDataReceived += (_, e) => server.Append(e.Data);
            try
            {
                process.Start();
            }
            catch
            {
                Directory.Delete(contentRoot, recursive: true);
                throw;
            }
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return server;
        }

        /// <summary>Waits until /healthz says healthy: the demo file is seeded and the first poll succeeded.</summary>
        public async Task WaitUntilHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
            var deadline = DateTime.UtcNow + timeout;
            var last = "no answer";
            while (DateTime.UtcNow < deadline)
            {
                try
                {
                    using var response = await client.GetAsync("/healthz", cancellationToken);
                    var body = await response.Content.ReadAsStringAsync(cancellationToken);
                    last = $"{(int)response.StatusCode} {body}";
                    using var json = JsonDocument.Parse(body);
                    if (json.RootElement.TryGetProperty("status", out var status) && status.GetString() == "healthy")
                    {
                        return;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    last = ex.Message;
                }
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"The dashboard exited at start-up (exit code {_process.ExitCode}):\n{Output}");
                }
                await Task.Delay(250, cancellationToken);
            }
            throw new TimeoutException($"The dashboard was not healthy within {timeout} (last /healthz: {last}):\n{Output}");
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                    await _process.WaitForExitAsync(wait.Token);
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
            {
                Console.Error.WriteLine($"circuits: could not stop the dashboard process {_process.Id}: {ex.Message}");
            }
            finally
            {
                _process.Dispose();
                try
                {
                    Directory.Delete(ContentRoot, recursive: true);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    Console.Error.WriteLine($"circuits: could not delete {ContentRoot}: {ex.Message}");
                }
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
                while (_output.Count > KeptOutputLines)
                {
                    _output.Dequeue();
                }
            }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }

    /// <summary>The dashboard's Release build, built first when it is missing.</summary>
    private static async Task<string> DashboardDllAsync(CancellationToken cancellationToken)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Callout.Dashboard.sln")))
        {
            dir = dir.Parent;
        }
        var root = dir?.FullName ?? throw new InvalidOperationException("Callout.Dashboard.sln not found above " + AppContext.BaseDirectory);
        var dll = Path.Combine(root, "src", "Callout.Dashboard", "bin", "Release", "net10.0", "Callout.Dashboard.dll");
        if (File.Exists(dll))
        {
            return dll;
        }
        Console.WriteLine($"circuits: {dll} is missing, building it (dotnet build -c Release src/Callout.Dashboard)…");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "build", "-c", "Release", Path.Combine("src", "Callout.Dashboard"), "-nologo", "-v:q" })
        {
            start.ArgumentList.Add(arg);
        }
        using var build = Process.Start(start) ?? throw new InvalidOperationException("dotnet build did not start.");
        var stdout = build.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = build.StandardError.ReadToEndAsync(cancellationToken);
        await build.WaitForExitAsync(cancellationToken);
        if (build.ExitCode != 0 || !File.Exists(dll))
        {
            throw new InvalidOperationException($"dotnet build -c Release src/Callout.Dashboard failed (exit code {build.ExitCode}):\n{await stdout}\n{await stderr}");
        }
        return dll;
    }
}
