using Callout.Dashboard.Viewers;

namespace Callout.Dashboard.SharedState;

public static class SharedDocuments
{
    /// <summary>The document <paramref name="name"/> in Redis when the dashboard has one, else as a JSON file in the data folder.</summary>
    public static ISharedDocument<T> Open<T>(RedisState? redis, string dataFolder, string name, Func<T> empty, string whatItHolds, TimeProvider clock) where T : class =>
        redis is null
            ? new SharedJsonFile<T>(Path.Combine(dataFolder, name + ".json"), empty, whatItHolds)
            : new RedisDocument<T>(redis, name, empty, whatItHolds, clock);
}
