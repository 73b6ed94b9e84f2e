using System.Diagnostics;

namespace Callout.Dashboard.Testing;

/// <summary>The dashboard's Release build, which the benchmarks measure.</summary>
public static class ReleaseBuild
{
    private const string AppRelativePath = "src/Callout.Dashboard/bin/Release/net10.0/Callout.Dashboard.dll";

    /// <summary>
    /// The dashboard to run: <paramref name="explicitPath"/>, or the Release build in the repository this
    /// benchmark runs from (the folder holding Callout.Dashboard.sln), built first when it is missing.
    /// </summary>
    public static async Task<string> DashboardAsync(string tool, string? explicitPath, CancellationToken cancellationToken)
    {
        if (explicitPath is not null)
        {
            return Path.GetFullPath(explicitPath);
        }
        var root = RepoRoot.Path;
        var app = Path.Combine(root, AppRelativePath);
        if (!File.Exists(app))
        {
            Console.WriteLine($"{tool}: {app} is missing; building it: dotnet build -c Release src/Callout.Dashboard (in {root})…");
            var build = new ProcessStartInfo("dotnet") { WorkingDirectory = root };
            foreach (var argument in new[] { "build", "-c", "Release", "src/Callout.Dashboard", "-nologo", "-v", "q" })
            {
                build.ArgumentList.Add(argument);
            }
            using var process = Process.Start(build) ?? throw new InvalidOperationException($"{tool}: could not start 'dotnet build'.");
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0 || !File.Exists(app))
            {
                throw new InvalidOperationException($"{tool}: 'dotnet build -c Release src/Callout.Dashboard' failed (exit {process.ExitCode}); see its output above.");
            }
        }
        else if (NewestSource(root) is { } source && File.GetLastWriteTimeUtc(source) > File.GetLastWriteTimeUtc(app))
        {
            Console.WriteLine($"{tool}: warning: {Path.GetRelativePath(root, source)} is newer than the built dashboard; " +
                "run 'dotnet build -c Release src/Callout.Dashboard' to measure the current code.");
        }
        return app;
    }

    private static string? NewestSource(string root)
    {
        var src = Path.Combine(root, "src");
        if (!Directory.Exists(src))
        {
            return null;
        }
        return Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal))
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains("Simulator", StringComparison.Ordinal))
            .MaxBy(File.GetLastWriteTimeUtc);
    }
}
