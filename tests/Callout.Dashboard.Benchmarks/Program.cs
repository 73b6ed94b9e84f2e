using System.Globalization;
using Callout.Dashboard.Benchmarks;

// People and CI scripts both read the figures: one culture for every number printed.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

// Ctrl+C cancels the run instead of killing the process, so benchmark databases and servers are cleaned up.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var command = args.Length > 0 ? args[0] : "";
var rest = args.Length > 0 ? args[1..] : [];
switch (command)
{
    case "poll-cost":
        if (!PollCostSettings.TryParse(rest, out var settings, out var error))
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine(PollCostSettings.Usage);
            return 2;
        }
        await PollCostBenchmark.RunAsync(settings, cancellation.Token);
        return 0;
    case "fold": return await FoldBenchmark.RunAsync(rest, cancellation.Token);
    case "circuits": return await CircuitMemoryBenchmark.RunAsync(rest, cancellation.Token);
    case "fanout": return await FanoutBenchmark.RunAsync(rest, cancellation.Token);
    case "failover": return await FailoverBenchmark.RunAsync(rest, cancellation.Token);
    // Each further benchmark adds one case here: "name" => await XBenchmark.RunAsync(rest, cancellation.Token) (returns the exit code).
    default:
        Console.Error.WriteLine("usage: Callout.Dashboard.Benchmarks <command> [options]   (commands: poll-cost, fold, fanout, circuits, failover; each takes --help)");
        return 2;
}
