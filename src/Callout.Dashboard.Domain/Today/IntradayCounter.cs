using Callout.Dashboard.Contracts;

namespace Callout.Dashboard.Domain.Today;

/// <summary>
/// Today's callouts per quarter hour of elapsed time since local midnight, by outcome, from the time each ended (the
/// last Conversation row's end, or the <c>d</c> Queue event). Elapsed, not wall-clock: the day DST starts has 92 quarter
/// hours and the day it ends 100, each a real quarter hour. Raw data's wall-clock times cannot tell the two passes of
/// the repeated hour apart; a time in it is placed in the latest pass that is not after now, so the current quarter
/// hour fills live in either pass (after the fold, a restart puts the first pass's rows in the second).
/// </summary>
public sealed class IntradayCounter
{
    public static readonly TimeSpan BucketLength = TimeSpan.FromMinutes(15);

    /// <summary>How far past now a row's end may be and still count as now (clock skew between Puzzel and us).</summary>
    private static readonly TimeSpan s_skew = TimeSpan.FromMinutes(5);

    private readonly BoardRules _rules;
    private readonly DateTime _today;
    private readonly DateTimeOffset _midnight;
    private readonly DateTimeOffset _now;
    private readonly int _current;
    private readonly DateTime _latestLocal;
    // Nearly every day has one offset from midnight to midnight: wall-clock times then are elapsed time.
    private readonly bool _oneOffset;
    private readonly int[,] _counts;
    private const int Kinds = 7;

    /// <param name="now">This moment with its true offset: in the repeated hour, the wall clock alone does not say which pass.</param>
    public IntradayCounter(BoardRules rules, DateTimeOffset now)
    {
        _rules = rules;
        _now = now;
        _today = rules.ToLocal(now).Date;
        _midnight = rules.WithOffset(_today);
        _current = Math.Max(0, (int)((now - _midnight) / BucketLength));
        _oneOffset = rules.WithOffset(_today.AddDays(1)).Offset == _midnight.Offset;
        _latestLocal = rules.ToLocal(now + s_skew);
        _counts = new int[_current + 1, Kinds];
    }

    public void Add(CalloutFacts call)
    {
        var kind = KindOf(call);
        if (kind < 0 || call.EndedAt is not { } ended || ended.Date != _today)
        {
            return;
        }
        int bucket;
        if (_oneOffset)
        {
            if (ended > _latestLocal)
            {
                return;
            }
            bucket = (int)((ended - _today) / BucketLength);
        }
        else
        {
            var at = InstantOf(ended);
            if (at > _now + s_skew || at < _midnight)
            {
                return;
            }
            bucket = (int)((at - _midnight) / BucketLength);
        }
        _counts[Math.Min(_current, bucket), kind]++;
    }

    /// <summary>Midnight to the current quarter hour; the answer rate is of the dialled callouts, as the answer-rate alarms reckon it.</summary>
    public List<IntradayBucket> Buckets()
    {
        var tomorrow = _rules.WithOffset(_today.AddDays(1));
        var buckets = new List<IntradayBucket>(_current + 1);
        for (var i = 0; i <= _current; i++)
        {
            var start = _midnight + i * BucketLength;
            var end = start + BucketLength < tomorrow ? start + BucketLength : tomorrow;
            int answered = _counts[i, 0], noAnswer = _counts[i, 1], busy = _counts[i, 2], error = _counts[i, 3];
            var dialled = answered + noAnswer + busy + error;
            buckets.Add(new IntradayBucket(Local(start), Local(end), answered, noAnswer, busy, error, _counts[i, 4], _counts[i, 5], _counts[i, 6],
                dialled == 0 ? null : Math.Round(100.0 * answered / dialled, 1)));
        }
        return buckets;
    }

    /// <summary>The column of a finished callout's outcome; -1 for one still open or waiting.</summary>
    private static int KindOf(CalloutFacts call) => call.Phase switch
    {
        CalloutPhase.Completed => call.Outcome switch
        {
            CalloutOutcome.Answered => 0,
            CalloutOutcome.NoAnswer => 1,
            CalloutOutcome.Busy => 2,
            CalloutOutcome.Error => 3,
            CalloutOutcome.AgentNotReached => 4,
            _ => -1,
        },
        CalloutPhase.Cancelled => 5,
        CalloutPhase.Deleted => 6,
        _ => -1,
    };

    private DateTimeOffset InstantOf(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (!_rules.TimeZone.IsAmbiguousTime(unspecified))
        {
            return _rules.WithOffset(local);
        }
        var passes = _rules.TimeZone.GetAmbiguousTimeOffsets(unspecified).Select(o => new DateTimeOffset(unspecified, o)).OrderBy(p => p).ToList();
        return passes.LastOrDefault(p => p <= _now + s_skew, passes[0]);
    }

    private DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _rules.TimeZone);
}
