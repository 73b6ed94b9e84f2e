namespace Callout.Dashboard.Benchmarks;

/// <summary>Command line of <c>poll-cost</c>.</summary>
public sealed partial record PollCostSettings(string Connection, int Rows, int Iterations, string? Database = null)
{
    public const string Usage =
        "usage: poll-cost --connection \"<Npgsql connection string to a server>\" [--rows 1000000] [--iterations 200] [--quick] [--database <name>]";

    public static bool TryParse(string[] args, out PollCostSettings settings, out string? error)
    {
        string? connection = null;
        int? rows = null;
        int? iterations = null;
        string? database = null;
        var quick = false;
        settings = null!;
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--connection" when i + 1 < args.Length:
                    connection = args[++i];
                    break;
                case "--rows" when i + 1 < args.Length && int.TryParse(args[i + 1], out var r) && r >= 4:
                    rows = r;
                    i++;
                    break;
                case "--iterations" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n > 0:
                    iterations = n;
                    i++;
                    break;
                case "--database" when i + 1 < args.Length && DatabaseName().IsMatch(args[i + 1]):
                    database = args[++i];
                    break;
                case "--quick":
                    quick = true;
                    break;
                default:
                    error = $"Unknown or incomplete argument '{args[i]}'.";
                    return false;
            }
        }
        if (string.IsNullOrWhiteSpace(connection))
        {
            error = "--connection is required.";
            return false;
        }
        // --quick is the CI smoke size; an explicit --rows or --iterations still wins.
        settings = new PollCostSettings(connection, rows ?? (quick ? 20_000 : 1_000_000), iterations ?? (quick ? 20 : 200), database);
        return true;
    }

    // Spliced into CREATE DATABASE, which takes no parameters: a plain lower-case identifier only.
    [System.Text.RegularExpressions.GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial System.Text.RegularExpressions.Regex DatabaseName();
}
