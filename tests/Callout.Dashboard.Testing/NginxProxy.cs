using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Callout.Dashboard.Testing;

/// <summary>
/// Debian's nginx in front of dashboard servers, running the repo's own <c>deploy/nginx/callout.conf</c> with its
/// upstream servers and port replaced: what is tested is what operators are given. A missing binary fails the test
/// with the fix, never skips it.
/// </summary>
public sealed partial class NginxProxy : IAsyncDisposable
{
    private readonly string _prefix;
    private readonly Process _process;

    private NginxProxy(string prefix, Process process, int port)
    {
        _prefix = prefix;
        _process = process;
        Address = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri Address { get; }

    public string ErrorLog => File.Exists(Path.Combine(_prefix, "error.log")) ? File.ReadAllText(Path.Combine(_prefix, "error.log")) : "";

    public static async Task<NginxProxy> StartAsync(IEnumerable<int> upstreamPorts)
    {
        var binary = Environment.GetEnvironmentVariable("CALLOUT_NGINX") ?? "/usr/sbin/nginx";
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException($"nginx not found at {binary}. Run ./build/test.sh (it installs Debian's nginx) or set CALLOUT_NGINX.");
        }
        var port = DashboardProcess.FreePort();
        var prefix = Directory.CreateTempSubdirectory("callout-nginx-").FullName;
        // Workers may run as another user when the tests run as root: they must reach the temporary folders.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(prefix, (UnixFileMode)0b111_101_101);
        }
        File.WriteAllText(Path.Combine(prefix, "callout.conf"), Configure(File.ReadAllText(RepoRoot.Combine("deploy", "nginx", "callout.conf")), port, upstreamPorts));
        File.WriteAllText(Path.Combine(prefix, "nginx.conf"), $$"""
            daemon off;
            worker_processes 1;
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path {{prefix}}/body;
                proxy_temp_path {{prefix}}/proxy;
                fastcgi_temp_path {{prefix}}/fastcgi;
                uwsgi_temp_path {{prefix}}/uwsgi;
                scgi_temp_path {{prefix}}/scgi;
                include {{prefix}}/callout.conf;
            }
            """);
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-p", prefix, "-e", Path.Combine(prefix, "error.log"), "-c", Path.Combine(prefix, "nginx.conf") })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var proxy = new NginxProxy(prefix, process, port);
        await Eventually.Until(
            () => Task.FromResult(process.HasExited ? throw new InvalidOperationException($"nginx exited at start-up:\n{proxy.ErrorLog}") : Accepts(port)),
            accepts => accepts, TimeSpan.FromSeconds(20), $"nginx to listen on {port}", every: TimeSpan.FromMilliseconds(50));
        return proxy;
    }

    /// <summary>The shipped file with every upstream's servers replaced by the given ports on loopback, listening on <paramref name="port"/>.</summary>
    public static string Configure(string shipped, int port, IEnumerable<int> upstreamPorts)
    {
        var ports = upstreamPorts.ToList();
        // Each block keeps the options (max_fails, fail_timeout) of its first shipped server line.
        var configured = UpstreamServers().Replace(shipped, block => string.Concat(ports.Select(p =>
            $"    server 127.0.0.1:{p.ToString(CultureInfo.InvariantCulture)}{block.Groups["options"].Captures[0].Value};\n")));
        configured = Listen().Replace(configured, $"listen 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)};");
        if (!configured.Contains($"127.0.0.1:{ports[0]}", StringComparison.Ordinal) || !configured.Contains($"listen 127.0.0.1:{port}", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("deploy/nginx/callout.conf no longer has the upstream server lines and the listen line the tests replace.");
        }
        return configured;
    }

    private static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Directory.Delete(_prefix, recursive: true);
    }

    // The consecutive "server host:port ...;" lines of an upstream block.
    [GeneratedRegex(@"(?:^[ \t]*server [^\s;]+:\d+(?<options>[^;\n]*);\n)+", RegexOptions.Multiline)]
    private static partial Regex UpstreamServers();

    [GeneratedRegex(@"listen \d+;")]
    private static partial Regex Listen();
}
