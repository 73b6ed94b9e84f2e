namespace Callout.Dashboard.Viewers;

/// <summary>The roles a person can hold, plus the one a wall-display token acts in.</summary>
public static class Roles
{
    /// <summary>Every page, and manages the wall-display links.</summary>
    public const string Admin = "Admin";

    /// <summary>The live pages; sees numbers in full where Dashboard:FullNumberRoles says so.</summary>
    public const string TeamLead = "TeamLead";

    /// <summary>The live pages.</summary>
    public const string Viewer = "Viewer";

    /// <summary>A wall-display token: read-only, bound to its queues, never a person.</summary>
    public const string Wall = "Wall";

    public static readonly IReadOnlyList<string> People = [Admin, TeamLead, Viewer];

    /// <summary>Roles that may read the board: pages, API and hub.</summary>
    public const string Readers = $"{Admin},{TeamLead},{Viewer},{Wall}";
}

/// <summary>Our claim types, the same whichever way a person signed in.</summary>
public static class CalloutClaims
{
    /// <summary>One claim per queue key the principal may see; none means every queue, unless <see cref="QueueScoped"/>.</summary>
    public const string Queue = "callout:queue";

    /// <summary>
    /// The principal was given a queue list, so it sees only the queues named in <see cref="Queue"/> claims, and no
    /// queue at all when the list held only empty keys: removing someone from every queue never grants them all.
    /// </summary>
    public const string QueueScoped = "callout:queue-scoped";

    /// <summary>The id of the wall-display token a principal stands for.</summary>
    public const string WallToken = "callout:wall-token";
}
