namespace Callout.Dashboard.Simulator;

public sealed record SimQueue(string Key, string Name);

public sealed record SimAgent(int AgentId, string UserName, string FullName, int TeamId, string Team, string Phone);

/// <summary>How often each kind of call happens, as relative weights (domain notes §4, the seed page "Outgoing calls").</summary>
public sealed record ScenarioMix
{
    public int Answered { get; init; } = 41;
    public int NoAnswer { get; init; } = 13;
    public int Busy { get; init; } = 6;
    public int Error { get; init; } = 2;

    /// <summary>Cancel clicked before the agent leg is answered (§4 D: agent leg 'h', Queue 'd').</summary>
    public int AgentCancel { get; init; } = 2;

    /// <summary>Cancel clicked while the destination rings (§9.1: agent leg 'k', contact leg 'h', Queue 'd').</summary>
    public int CancelWhileRinging { get; init; } = 3;

    public int AgentNotReached { get; init; } = 3;

    /// <summary>Failed legs to the same agent ('b'/'c'/'e'), then an answered one and the contact leg.</summary>
    public int AgentReachedAfterRetries { get; init; } = 2;

    /// <summary>Handed to another agent: a ciq='a' row without queue key.</summary>
    public int TransferToAgent { get; init; } = 3;

    /// <summary>Handed to a phone number: a row with ciq NULL and no agent.</summary>
    public int TransferToNumber { get; init; } = 1;

    /// <summary>Put through another (not a callout) queue, then taken by an agent there.</summary>
    public int TransferToQueue { get; init; } = 1;

    public int Scheduled { get; init; } = 14;
    public int AgentToAgent { get; init; } = 3;

    /// <summary>Inbound calls the dashboard must ignore.</summary>
    public int Inbound { get; init; } = 6;
}

/// <summary>The simulated contact centre: who works there, which callout queues exist, how busy it is.</summary>
public sealed record CentreProfile
{
    public IReadOnlyList<SimQueue> Queues { get; init; } =
    [
        new("__Callout_Sales", "Sales callouts"),
        new("__Callout_Support", "Support callbacks"),
        new("__Callout_Retention", "Retention"),
        new("__Callout_Booking", "Booking reminders"),
    ];

    /// <summary>A queue that is not a callout queue: its calls must never show on the board.</summary>
    public SimQueue InboundQueue { get; init; } = new("Inbound_Sales", "Sales (inbound)");

    /// <summary>The (not a callout) queue agents transfer a callout's contact to.</summary>
    public SimQueue TransferQueue { get; init; } = new("Support_Inbound", "Support (inbound)");

    public IReadOnlyList<SimAgent> Agents { get; init; } = Staff(16);

    /// <summary>Callouts (and other calls of the mix) started per minute, on average, in office hours.</summary>
    public double RatePerMinute { get; init; } = 20;

    /// <summary>The full rate at every hour, not a working day's: a demo is started at any hour and must look busy.</summary>
    public bool AroundTheClock { get; init; }

    /// <summary>
    /// The moment (Raw data wall clock) a viewer first looks at the board. The centre is staged so that each alarm
    /// situation is going then, or crosses its warning within a few minutes: a failing phone, a long Lunch and a long
    /// Coffee pause, an agent clicking Pause during a long callout (Connected and Pause), a long talk, overdue scheduled
    /// calls, a queue whose destinations do not answer, a queue with a burst of cancellations. A centre this size comes
    /// upon each a few times an hour; a first look should not wait for them.
    /// </summary>
    public DateTime? FirstLook { get; init; }

    public ScenarioMix Mix { get; init; } = new();

    /// <summary>The pause reasons this centre has defined (§2.5: a pause carries its type when the customer defines types).</summary>
    public static readonly IReadOnlyList<string> PauseTypes = ["Lunch", "Coffee", "Meeting", "Training", "Admin"];

    /// <summary>Puzzel writes a session's rows up to about 5 minutes after it ends; the demo uses less.</summary>
    public TimeSpan MaxArrivalDelay { get; init; } = TimeSpan.FromMinutes(3);

    public TimeSpan MinArrivalDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Share of writes that become visible after their <c>dte_updated</c> (§9.5: a load transaction, or a mirror
    /// copying in batches), by up to <see cref="MaxLateVisibility"/>.
    /// </summary>
    public double LateVisibleShare { get; init; } = 0.05;

    public TimeSpan MaxLateVisibility { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Zone of the simulated wall clock, for dte_scheduled_callback's offset.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Local;

    /// <summary>The first <paramref name="count"/> (at most 24) agents of the centre's three teams.</summary>
    public static IReadOnlyList<SimAgent> Staff(int count)
    {
        string[] names =
        [
            "Kari Nordmann", "Ola Hansen", "Ingrid Berg", "Lars Johansen", "Sofie Larsen", "Emil Olsen",
            "Nora Pedersen", "Jonas Nilsen", "Maja Kristiansen", "Henrik Jensen", "Ida Karlsen", "Sander Andersen",
            "Thea Eriksen", "Magnus Haugen", "Emma Solberg", "Filip Bakken", "Oskar Dahl", "Sara Lie",
            "Aksel Moen", "Julie Strand", "Elias Berge", "Live Holm", "Tobias Lund", "Hedda Vik",
        ];
        string[] teams = ["Team Sales", "Team Support", "Team Retention"];
        return [.. names.Take(count).Select((name, i) => new SimAgent(
            1001 + i,
            name.Split(' ')[0].ToLowerInvariant() + (1001 + i),
            name,
            1 + i % teams.Length,
            teams[i % teams.Length],
            $"4790{100000 + i:D6}"))];
    }
}
