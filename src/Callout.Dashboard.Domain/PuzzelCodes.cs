namespace Callout.Dashboard.Domain;

/// <summary>Puzzel's one-letter codes (domain notes §2.2, §2.3, §2.5), compared trimmed and case-insensitively.</summary>
public static class PuzzelCodes
{
    public static string Normalize(string? code) => (code ?? "").Trim().ToLowerInvariant();

    public static bool Is(string? code, string expected) => Normalize(code) == expected;

    // call_events.event_type of the events a callout has.
    public const string Initiation = "i";
    public const string Queue = "q";
    public const string Conversation = "c";

    /// <summary>Queue result of a callout cancelled by its agent or a request deleted from the queue.</summary>
    public const string Deleted = "d";

    public const string AgentLeg = "a";
    public const string ContactLeg = "c";

    public const string AgentLogOn = "i";
    public const string AgentLogOff = "o";
    public const string AgentPause = "p";
    public const string AgentReturn = "r";

    /// <summary>Initiation source Puzzel writes for an agent-to-agent call.</summary>
    public const string AgentToAgentSource = "xxxxxxxx";

    /// <summary>Result codes Puzzel documents for Queue events.</summary>
    public static readonly IReadOnlySet<string> QueueResults =
        new HashSet<string> { "k", "q", "d", "b", "c", "e", "h", "t", "a", "f", "s", "m", "?" };

    /// <summary>Result codes Puzzel documents for Conversation events.</summary>
    public static readonly IReadOnlySet<string> ConversationResults =
        new HashSet<string> { "k", "q", "b", "c", "e", "h", "t", "?" };
}
