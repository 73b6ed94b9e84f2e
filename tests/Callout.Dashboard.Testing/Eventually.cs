namespace Callout.Dashboard.Testing;

/// <summary>
/// Waits for a state that arrives on its own (a poll, a push, a process starting), looking again every
/// <see cref="Every"/>; on timeout it fails with what it last saw, so a red test says how far things got.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan Every = TimeSpan.FromMilliseconds(100);

    /// <summary>Looks until <paramref name="done"/> holds for what <paramref name="look"/> returns, and returns that.</summary>
    public static async Task<T> Until<T>(Func<Task<T>> look, Func<T, bool> done, TimeSpan timeout, string what, TimeSpan? every = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = "nothing yet";
        while (true)
        {
            try
            {
                var seen = await look();
                if (done(seen))
                {
                    return seen;
                }
                last = Describe(seen);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or System.Text.Json.JsonException)
            {
                // Not up yet, or gone for a moment: what is being waited for may still come.
                last = $"{ex.GetType().Name}: {ex.Message}";
            }
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"{what} did not happen within {timeout.TotalSeconds:0.#} s. Last seen: {last}");
            }
            await Task.Delay(every ?? Every);
        }
    }

    /// <summary>Looks until <paramref name="done"/> holds; <paramref name="describe"/> says what was seen instead.</summary>
    public static Task Until(Func<bool> done, TimeSpan timeout, string what, Func<string>? describe = null) =>
        Until(() => Task.FromResult(done() ? null : describe?.Invoke() ?? "not yet"), seen => seen is null, timeout, what);

    /// <summary>Looks until <paramref name="done"/> answers true.</summary>
    public static Task Until(Func<Task<bool>> done, TimeSpan timeout, string what) => Until(done, ok => ok, timeout, what);

    private static string Describe<T>(T seen) => seen switch
    {
        null => "null",
        string text => text.Length > 2000 ? text[..2000] + "…" : text,
        _ => Describe(seen.ToString()),
    };
}
