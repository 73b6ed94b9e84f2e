namespace Callout.Dashboard.Testing;

/// <summary>The checkout a test or benchmark runs from: the folder holding Callout.Dashboard.sln.</summary>
public static class RepoRoot
{
    public static string Path => Find(AppContext.BaseDirectory) ?? Find(Environment.CurrentDirectory)
        ?? throw new InvalidOperationException(
            $"Callout.Dashboard.sln not found above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}.");

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string? Find(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "Callout.Dashboard.sln")))
            {
                return folder.FullName;
            }
        }
        return null;
    }
}
