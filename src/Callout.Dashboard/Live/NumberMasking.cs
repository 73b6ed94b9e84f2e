using Callout.Dashboard.Domain;

namespace Callout.Dashboard.Live;

/// <summary>
/// Masks destination numbers in a snapshot before it leaves the server, so a viewer who may not see
/// them never receives them: not in the page, not in the JSON, not in a hub message.
/// </summary>
public static class NumberMasking
{
    public static BoardSnapshot Mask(BoardSnapshot snapshot) => snapshot with
    {
        ActiveCallouts = [.. snapshot.ActiveCallouts.Select(c => c with { Destination = Masked(c.Destination) })],
        RecentCallouts = [.. snapshot.RecentCallouts.Select(c => c with { Destination = Masked(c.Destination) })],
        ScheduledPending = [.. snapshot.ScheduledPending.Select(c => c with { Destination = Masked(c.Destination) })],
    };

    private static string? Masked(string? number) => number is null ? null : Display.Phone(number, mask: true);
}
