using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Callout.Dashboard.Tests;

/// <summary>
/// The real app in memory, configured through the same keys operators use. Sign-in is off
/// (Auth:Mode=None) unless a test sets Auth:Mode ("" for the default), and tokens and keys go to a folder of its own.
/// </summary>
public sealed class DashboardApp(IReadOnlyDictionary<string, string?> settings, TimeProvider? clock = null) : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("callout-app-").FullName;

    public static DashboardApp OnPostgres(string connectionString, params (string Key, string? Value)[] more) =>
        OnPostgres(connectionString, TimeProvider.System, more);

    public static DashboardApp OnPostgres(string connectionString, TimeProvider clock, params (string Key, string? Value)[] more) =>
        new(new Dictionary<string, string?>
        {
            ["RawData:Provider"] = "PostgreSQL",
            ["ConnectionStrings:RawData"] = connectionString,
            ["RawData:TimeZone"] = "Europe/Oslo",
            ["RawData:PollInterval"] = "00:00:00.200",
        }.Concat(more.Select(m => KeyValuePair.Create(m.Key, m.Value))).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value), clock);

    /// <summary>The host's clock; the system's unless a test pins it.</summary>
    public TimeProvider Clock { get; } = clock ?? TimeProvider.System;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Auth:DataDirectory", _dataDirectory);
        if (!settings.ContainsKey("Auth:Mode"))
        {
            builder.UseSetting("Auth:Mode", "None");
        }
        if (!settings.ContainsKey("Auth:AllowOpenAccess"))
        {
            // The test databases are nobody's data: open access on them is meant.
            builder.UseSetting("Auth:AllowOpenAccess", "true");
        }
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        if (Clock != TimeProvider.System)
        {
            builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton(Clock)));
        }
    }

    /// <summary>
    /// The exception this app's start-up stops with. WebApplicationFactory races a host that fails early: now and then
    /// it asks the failed host for a service after that host was disposed, and reports the ObjectDisposedException
    /// instead (seen in CI). The start is then tried again on a fresh copy of this app.
    /// </summary>
    public T StartFailure<T>() where T : Exception
    {
        var app = this;
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    app.CreateClient();
                }
                catch (T expected)
                {
                    return expected;
                }
                catch (ObjectDisposedException) when (attempt < 5)
                {
                    if (app != this)
                    {
                        app.Dispose();
                    }
                    app = new DashboardApp(settings, clock);
                    continue;
                }
                throw new Xunit.Sdk.XunitException($"The dashboard started, where its start-up should have stopped with {typeof(T).Name}.");
            }
        }
        finally
        {
            if (app != this)
            {
                app.Dispose();
            }
        }
    }

    /// <summary>The folder where this app keeps its wall-display tokens and keys.</summary>
    public string DataDirectory => _dataDirectory;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    /// <summary>This app with its log also kept in <paramref name="logs"/>, for tests of what an operator is told.</summary>
    public WebApplicationFactory<Program> Logged(out FakeLoggerProvider logs)
    {
        var provider = logs = new FakeLoggerProvider();
        return WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(provider)));
    }

    /// <summary>Polls GET /api/board until the condition holds; fails with the last body after the timeout.</summary>
    public Task<JsonElement> WaitForBoardAsync(Func<JsonElement, bool> condition, string query = "", int timeoutSeconds = 20) =>
        WaitForJsonAsync(CreateClient(), "/api/board" + query, condition, timeoutSeconds);

    /// <summary>Polls a JSON endpoint (whatever its status code) until the condition holds; fails with the last body after the timeout.</summary>
    public static Task<JsonElement> WaitForJsonAsync(HttpClient http, string path, Func<JsonElement, bool> condition, int timeoutSeconds = 20) =>
        Eventually.Until(
            async () =>
            {
                using var response = await http.GetAsync(path);
                return await response.Content.ReadFromJsonAsync<JsonElement>();
            },
            condition,
            TimeSpan.FromSeconds(timeoutSeconds),
            $"{path} reaching the expected state");
}
