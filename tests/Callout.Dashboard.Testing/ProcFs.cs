using System.Globalization;

namespace Callout.Dashboard.Testing;

/// <summary>What Linux's /proc says about processes and the machine.</summary>
public static class ProcFs
{
    /// <summary>USER_HZ, the unit of utime/stime in /proc/[pid]/stat: 100 on every Linux architecture .NET runs on.</summary>
    private const double TicksPerSecond = 100;

    /// <summary>Resident memory (VmRSS) of a process.</summary>
    public static long ResidentBytes(int pid) => StatusKilobytes($"/proc/{pid}/status", "VmRSS:") * 1024;

    /// <summary>Proportional set size: shared pages split among the processes sharing them (summable over a tree).</summary>
    public static long ProportionalBytes(int pid)
    {
        try
        {
            return StatusKilobytes($"/proc/{pid}/smaps_rollup", "Pss:") * 1024;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return 0; // the process ended meanwhile
        }
    }

    /// <summary>User plus system CPU time of a process (all its threads).</summary>
    public static TimeSpan CpuTime(int pid) => TimeSpan.FromSeconds(CpuSeconds(pid));

    /// <summary>User plus system CPU time of a process (all its threads), in seconds.</summary>
    public static double CpuSeconds(int pid)
    {
        try
        {
            var fields = StatFields(pid);
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>All processes below <paramref name="root"/> (not itself), skipping the subtree of <paramref name="except"/>.</summary>
    public static List<int> Descendants(int root, int except)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }
            try
            {
                var parent = int.Parse(StatFields(pid)[1], CultureInfo.InvariantCulture);
                if (!children.TryGetValue(parent, out var list))
                {
                    children[parent] = list = [];
                }
                list.Add(pid);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }
        }
        var result = new List<int>();
        var pending = new Stack<int>([root]);
        while (pending.TryPop(out var pid))
        {
            foreach (var child in children.GetValueOrDefault(pid) ?? [])
            {
                if (child != except)
                {
                    result.Add(child);
                    pending.Push(child);
                }
            }
        }
        return result;
    }

    /// <summary>Whether a process is a Chromium renderer (its command line has --type=renderer).</summary>
    public static bool IsRenderer(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Contains("--type=renderer", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static long MemAvailableBytes() => StatusKilobytes("/proc/meminfo", "MemAvailable:") * 1024;

    /// <summary>The machine's 1-minute load average: other work on a shared machine skews the CPU figures.</summary>
    public static double LoadAverage() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);

    public static long MemTotalBytes() => StatusKilobytes("/proc/meminfo", "MemTotal:") * 1024;

    /// <summary>The fields of /proc/[pid]/stat after the command name: [0] state, [1] ppid, … [11] utime, [12] stime.</summary>
    private static string[] StatFields(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name is in parentheses and may itself hold spaces or parentheses.
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    }

    private static long StatusKilobytes(string file, string key)
    {
        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"{key} not found in {file}.");
        return long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
