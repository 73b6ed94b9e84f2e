using System.Text.Json.Serialization;

namespace Callout.Dashboard.Contracts;

/// <summary>
/// What changed in one group's view since its previous message: per list of <see cref="BoardLists.All"/>, the
/// entries added or changed (same shapes as GET /api/board) under the list's name, and under <c>removed</c> the keys
/// of entries gone. A client whose version differs from <see cref="PreviousVersion"/> missed a message and asks for
/// a fresh snapshot.
/// </summary>
public sealed record BoardDeltaMessage(
    long Version,
    long PreviousVersion,
    DateTimeOffset AsOf,
    Freshness Freshness,
    int AgentToAgentToday,
    IReadOnlyDictionary<string, IReadOnlyList<object>> Removed)
{
    /// <summary>The changed entries per list name, written beside the other properties.</summary>
    [JsonExtensionData]
    public IDictionary<string, object> Lists { get; init; } = new Dictionary<string, object>();

    [JsonIgnore]
    public bool IsEmpty => Lists.Values.All(l => ((IReadOnlyList<object>)l).Count == 0) && Removed.Values.All(r => r.Count == 0);

    /// <summary>The entries of one list that changed.</summary>
    public IReadOnlyList<T> Changed<T>(BoardList<T> list) where T : class => [.. ((IReadOnlyList<object>)Lists[list.Name]).Cast<T>()];

    public static BoardDeltaMessage Between(BoardSnapshot before, BoardSnapshot after) =>
        new(after.Version, before.Version, after.AsOf, after.Freshness, after.AgentToAgentToday,
            BoardLists.All.ToDictionary(l => l.Name, l => l.Removed(before, after)))
        {
            Lists = BoardLists.All.ToDictionary(l => l.Name, l => (object)l.Changed(before, after)),
        };
}
