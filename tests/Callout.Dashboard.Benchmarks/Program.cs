using System.Globalization;
using Callout.Dashboard.Benchmarks;

// People and CI scripts both read the figures: one culture for every number printed.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

if (args.Length == 0 || args[0] != "poll-cost")
{
    Console.Error.WriteLine(PollCostSettings.Usage);
    return 2;
}
if (!PollCostSettings.TryParse(args[1..], out var settings, out var error))
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(PollCostSettings.Usage);
    return 2;
}

// Ctrl+C cancels the run instead of killing the process, so the benchmark database is still dropped.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

await PollCostBenchmark.RunAsync(settings, cancellation.Token);
return 0;
