namespace Callout.Dashboard.Domain;

/// <summary>How the last polls of the Raw data database went. Times are UTC instants.</summary>
/// <remarks>
/// <see cref="LastError"/> says what kind of failure it is, in words fit for any screen (walls hang in open rooms);
/// <see cref="LastErrorDetail"/> is the database's own text (it can name host, port, user or SQL), for the log and
/// signed-in admins only, never part of a snapshot.
/// </remarks>
public sealed record PollStatus(DateTimeOffset? LastPollAt, bool LastPollOk, DateTimeOffset? FailingSince, string? LastError, string? LastErrorDetail = null)
{
    public static readonly PollStatus NotYet = new(null, false, null, "no poll has completed yet");
}
