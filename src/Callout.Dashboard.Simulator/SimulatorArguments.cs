using System.Globalization;
using Callout.Dashboard.Domain;
using Callout.Dashboard.RawData;

namespace Callout.Dashboard.Simulator;

/// <summary>The command line of the simulator CLI; a bad argument is an error message, never an exception.</summary>
public sealed record SimulatorArguments
{
    public const string Usage = """
        Callout Dashboard traffic simulator: writes Puzzel-shaped callout traffic into a Raw data database.

        Usage: Callout.Dashboard.Simulator --connection <string> [options]

          --provider <Sqlite|PostgreSQL>  database kind (default: Sqlite)
          --connection <string>           connection string (required)
          --rate <calls per minute>       average calls started per minute (default: 20)
          --seed <int>                    random seed; the same seed gives the same traffic (default: 1)
          --time-zone <IANA id>           zone of the Raw data wall clock (default: the machine's)
          --backfill <duration>           first write this much history up to now, e.g. 1d, 6h, 30m
          --bulk <rows>                   write about this many call_events rows of history, then stop
          --duration <duration>           stop live traffic after this long (default: run until Ctrl+C)
          --max-delay <duration>          longest delay before a call's rows land (default: 3m, Puzzel's lag)
          --apply-schema                  create the Raw data tables first (for an empty demo database)
          --schema <current|v1.5|mirror>  with --apply-schema, the shape of the tables: current (default), v1.5
                                          (older than v1.6: no extras table, no v1.7/v1.9 columns) or mirror
                                          (a live database's mirror: call_events_extras, pause_type_name/_id);
                                          the simulator writes into whichever shape the database has
          --help                          show this text
        """;

    public string Provider { get; init; } = RawDataProvider.Sqlite;
    public string Connection { get; init; } = "";
    public double Rate { get; init; } = 20;
    public int Seed { get; init; } = 1;
    public string? TimeZone { get; init; }
    public TimeSpan? Backfill { get; init; }
    public long? Bulk { get; init; }
    public TimeSpan? Duration { get; init; }
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(3);
    public bool ApplySchema { get; init; }
    public SchemaShape? Schema { get; init; }
    public bool Help { get; init; }

    public static bool TryParse(IReadOnlyList<string> args, out SimulatorArguments parsed, out string error)
    {
        parsed = new SimulatorArguments();
        error = "";
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "--help" or "-h")
            {
                parsed = parsed with { Help = true };
                continue;
            }
            if (name == "--apply-schema")
            {
                parsed = parsed with { ApplySchema = true };
                continue;
            }
            if (i + 1 >= args.Count)
            {
                error = name.StartsWith("--", StringComparison.Ordinal) ? $"{name} needs a value." : $"Unknown argument '{name}'.";
                return false;
            }
            var value = args[++i];
            SimulatorArguments? next = name switch
            {
                "--provider" when RawDataProvider.IsSqlite(value) || RawDataProvider.IsPostgreSql(value) => parsed with { Provider = value },
                "--connection" when value.Length > 0 => parsed with { Connection = value },
                "--rate" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate > 0 && rate <= 10_000 => parsed with { Rate = rate },
                "--seed" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) => parsed with { Seed = seed },
                "--time-zone" when IsZone(value) => parsed with { TimeZone = value },
                "--backfill" when DurationText.TryParse(value, out var backfill) => parsed with { Backfill = backfill },
                "--bulk" when long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var bulk) && bulk > 0 => parsed with { Bulk = bulk },
                "--duration" when DurationText.TryParse(value, out var duration) => parsed with { Duration = duration },
                "--max-delay" when DurationText.TryParse(value, out var delay) => parsed with { MaxDelay = delay },
                "--schema" when SchemaScripts.ShapeNames.TryGetValue(value, out var shape) => parsed with { Schema = shape },
                _ => null,
            };
            if (next is null)
            {
                var choices = name == "--schema" ? $": use one of {string.Join(", ", SchemaScripts.ShapeNames.Keys)}" : "";
                error = name.StartsWith("--", StringComparison.Ordinal) && Usage.Contains(name + " ", StringComparison.Ordinal)
                    ? $"Bad value '{value}' for {name}{choices}."
                    : $"Unknown argument '{name}'.";
                return false;
            }
            parsed = next;
        }
        if (!parsed.Help && parsed.Connection.Length == 0)
        {
            error = "--connection is required.";
            return false;
        }
        if (parsed.Schema is not null && !parsed.ApplySchema)
        {
            // The shape only says which tables to create: without --apply-schema it would be silently ignored.
            error = "--schema only applies with --apply-schema.";
            return false;
        }
        return true;
    }

    private static bool IsZone(string id)
    {
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }
}
