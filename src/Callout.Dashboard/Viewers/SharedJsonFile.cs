using System.Text.Json;

namespace Callout.Dashboard.Viewers;

/// <summary>
/// A small JSON file in the data folder that several server processes may share. A change is a read-modify-write
/// under an exclusive lock file; the new content goes to a temporary file that is flushed to disk and renamed over
/// the old one, so a power loss leaves the old file or the new one, never half of either. Readers ask
/// <see cref="HasChanged"/> (a file stamp, cheap) and take in what another process wrote.
/// </summary>
public sealed class SharedJsonFile<T>(string path, Func<T> empty, string whatItHolds) : ISharedDocument<T> where T : class
{
    private static readonly TimeSpan s_lockWait = TimeSpan.FromSeconds(5);
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private (DateTime Written, long Length) _seen = (DateTime.MinValue, -1);

    public string Where => path;

    /// <summary>Another process's change is seen by <see cref="HasChanged"/> only: a file stamp announces nothing.</summary>
    public event Action? ChangedElsewhere { add { } remove { } }

    /// <summary>Whether the file changed since this process last read or wrote it.</summary>
    public bool HasChanged() => Stamp() != _seen;

    /// <exception cref="SharedStateException">The file is damaged: the message names it and what to do.</exception>
    public T Read()
    {
        var stamp = Stamp();
        var value = ReadFile();
        _seen = stamp;
        return value;
    }

    /// <summary>Applies <paramref name="change"/> to the file's current content, writes the result and returns it.</summary>
    /// <exception cref="SharedStateException">The file could not be written (or is damaged).</exception>
    public T Update(Func<T, T> change)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var fileLock = AcquireLock();
            var next = change(ReadFile());
            var temporary = path + ".tmp";
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(stream, next, s_json);
                stream.Flush(flushToDisk: true);
            }
            if (!OperatingSystem.IsWindows())
            {
                // What it holds is for the app alone (token ids, sessions).
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            File.Move(temporary, path, overwrite: true);
            _seen = Stamp();
            return next;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SharedStateException(
                $"The {whatItHolds} could not be saved to {path} ({ex.Message}). Give the app write access to that folder (Auth:DataDirectory), then try again.", ex);
        }
    }

    private T ReadFile()
    {
        if (!File.Exists(path))
        {
            return empty();
        }
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), s_json) ?? empty();
        }
        catch (JsonException ex)
        {
            throw new SharedStateException(
                $"The {whatItHolds} file {path} is damaged ({ex.Message}). Restore it from a backup, or move it away to start without it.", ex);
        }
    }

    private FileStream AcquireLock()
    {
        var deadline = DateTime.UtcNow + s_lockWait;
        while (true)
        {
            try
            {
                return new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // Another process holds it for a read-modify-write of a few milliseconds.
                Thread.Sleep(20);
            }
        }
    }

    private (DateTime, long) Stamp()
    {
        var file = new FileInfo(path);
        return file.Exists ? (file.LastWriteTimeUtc, file.Length) : default;
    }
}
