using System.Globalization;

namespace Callout.Dashboard.Benchmarks;

/// <summary>Command line of <c>fanout</c>.</summary>
public sealed record FanoutSettings(
    string Connection,
    IReadOnlyList<int> Viewers,
    double Rate,
    int Seconds,
    TimeSpan PollInterval,
    int NaiveMaxConnections,
    int Pages,
    string? AppPath,
    bool Quick)
{
    public const string Usage = """
        usage: fanout --connection "<Npgsql connection string to a server>" [options]

        Starts the built dashboard (src/Callout.Dashboard/bin/Release/net10.0) as a child process on a throwaway
        database, connects N SignalR hub clients per round (about half subscribed to all queues, the rest to one
        of four), inserts callouts at a steady rate and measures commit -> client receipt, the server's CPU and
        memory and the database's queries per second. Each round then stops that dashboard and runs the naive
        baseline: N viewers that each poll the database themselves with the dashboard's SQL.

        DB queries/s are transactions counted by PostgreSQL (pg_stat_database) less the benchmark's own writes and
        samples, so both designs are counted alike. Each pooled read appears twice there: Npgsql's pool reset
        (DISCARD ALL, sent with the next statement) is a transaction of its own. The naive figure is also given
        as statements sent, counted by the viewers.

          --viewers 1,100,1000          viewer counts, one round each
          --rate 5                      callouts inserted per second
          --seconds 30                  length of each measured window
          --poll-interval 00:00:01      RawData:PollInterval of the dashboard and of each naive viewer
          --naive-max-connections 100   pool size shared by the naive viewers (also capped by the server's free
                                        connections: max_connections less those in use, less 20)
          --pages 3                     dashboard pages opened in headless Chromium (CALLOUT_CHROMIUM, default
                                        /usr/bin/chromium) for commit -> DOM: the first shows all queues, the
                                        others one queue each; 0 leaves the browser out
          --app <Callout.Dashboard.dll> the dashboard to run (default: found from the repository root; built with
                                        'dotnet build -c Release src/Callout.Dashboard' when missing)
          --quick                       CI smoke size: viewers 1,10, 5 seconds and 1 page (explicit options still win)
          --help                        this text

        Exit code 0 when every round delivered every row to every expected client and page and no filtered-out
        client got one; 1 when a round had misses, leaks or failed; 2 on bad arguments.
        """;

    public static bool IsHelp(string[] args) => args.Any(a => a is "--help" or "-h" or "-?");

    public static bool TryParse(string[] args, out FanoutSettings settings, out string? error)
    {
        string? connection = null;
        List<int>? viewers = null;
        double? rate = null;
        int? seconds = null;
        var pollInterval = TimeSpan.FromSeconds(1);
        var naiveMax = 100;
        int? pages = null;
        string? app = null;
        var quick = false;
        settings = null!;
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--connection" when value is not null:
                    connection = value;
                    i++;
                    break;
                case "--viewers" when value is not null && TryParseViewers(value, out var v):
                    viewers = v;
                    i++;
                    break;
                case "--rate" when value is not null && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r > 0 && r <= 200:
                    rate = r;
                    i++;
                    break;
                case "--seconds" when value is not null && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s is >= 1 and <= 3600:
                    seconds = s;
                    i++;
                    break;
                case "--poll-interval" when value is not null && TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var p)
                                            && p >= TimeSpan.FromMilliseconds(100) && p <= TimeSpan.FromMinutes(1):
                    pollInterval = p;
                    i++;
                    break;
                case "--naive-max-connections" when value is not null && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 1000:
                    naiveMax = m;
                    i++;
                    break;
                case "--pages" when value is not null && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var g) && g is >= 0 and <= 20:
                    pages = g;
                    i++;
                    break;
                case "--app" when value is not null:
                    app = value;
                    i++;
                    break;
                case "--quick":
                    quick = true;
                    break;
                default:
                    error = Explain(args[i], value);
                    return false;
            }
        }
        if (string.IsNullOrWhiteSpace(connection))
        {
            error = "--connection is required.";
            return false;
        }
        if (app is not null && !File.Exists(app))
        {
            error = $"--app: no file at '{app}'.";
            return false;
        }
        settings = new FanoutSettings(
            connection,
            viewers ?? (quick ? [1, 10] : [1, 100, 1000]),
            rate ?? 5,
            seconds ?? (quick ? 5 : 30),
            pollInterval,
            naiveMax,
            pages ?? (quick ? 1 : 3),
            app,
            quick);
        return true;
    }

    private static string Explain(string argument, string? value) => argument switch
    {
        "--viewers" => $"--viewers takes a comma-separated list of counts from 1 to 5000, e.g. 1,100,1000; got '{value}'.",
        "--rate" => $"--rate takes callouts per second, more than 0 and at most 200; got '{value}'.",
        "--seconds" => $"--seconds takes a whole number from 1 to 3600; got '{value}'.",
        "--poll-interval" => $"--poll-interval takes a time span from 00:00:00.1 to 00:01:00; got '{value}'.",
        "--pages" => $"--pages takes a number from 0 to 20; got '{value}'.",
        "--naive-max-connections" => $"--naive-max-connections takes a number from 1 to 1000; got '{value}'.",
        "--connection" or "--app" => $"{argument} needs a value.",
        _ => $"Unknown argument '{argument}'.",
    };

    private static bool TryParseViewers(string text, out List<int> viewers)
    {
        viewers = [];
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > 5000)
            {
                return false;
            }
            viewers.Add(n);
        }
        return viewers.Count > 0;
    }
}
