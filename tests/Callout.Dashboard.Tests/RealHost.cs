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

    /// <summary>Starts the app in a new, empty content root, with only the given environment settings.</summary>
    public static RealHost Start(IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = FreePort();
        var contentRoot = Directory.CreateTempSubdirectory("callout-host-").FullName;
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

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Directory.Delete(ContentRoot, recursive: true);
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
