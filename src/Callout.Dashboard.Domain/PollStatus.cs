namespace Callout.Dashboard.Domain;

/// <summary>How the last polls of the Raw data database went. Times are UTC instants.</summary>
public sealed record PollStatus(DateTimeOffset? LastPollAt, bool LastPollOk, DateTimeOffset? FailingSince, string? LastError)
{
    public static readonly PollStatus NotYet = new(null, false, null, "no poll has completed yet");
}
