using System.Runtime.CompilerServices;
using Callout.Dashboard.Contracts;
using Callout.Dashboard.Domain.Alarms;

namespace Callout.Dashboard.Ui;

/// <summary>
/// The worst alarm level per call, agent, queue and rule of one snapshot's alarms, so a row or tile finds its colour
/// without walking the list. Built once per alarm list (the snapshot cache shares lists between circuits and keeps
/// unchanged ones), not per page or render.
/// </summary>
public sealed class AlarmIndex
{
    private static readonly ConditionalWeakTable<IReadOnlyList<AlarmView>, AlarmIndex> s_built = new();

    private readonly Dictionary<string, AlarmLevel> _calls = new(StringComparer.Ordinal);
    private readonly Dictionary<int, AlarmLevel> _agents = [];
    private readonly Dictionary<string, AlarmLevel> _queues = new(StringComparer.Ordinal);
    private readonly Dictionary<AlarmRule, AlarmLevel> _rules = [];

    private AlarmIndex(IReadOnlyList<AlarmView> alarms)
    {
        foreach (var alarm in alarms)
        {
            Worst(_rules, alarm.Rule, alarm.Level);
            if (alarm.CallId is { } call)
            {
                Worst(_calls, call, alarm.Level);
            }
            else if (alarm.AgentId is int agent)
            {
                Worst(_agents, agent, alarm.Level);
            }
            else if (alarm.QueueKey is { } queue)
            {
                Worst(_queues, queue, alarm.Level);
            }
        }
    }

    public static AlarmIndex Of(IReadOnlyList<AlarmView> alarms) => s_built.GetValue(alarms, a => new AlarmIndex(a));

    /// <summary>The call's own alarm (overdue, open too long).</summary>
    public AlarmLevel? ForCall(string callId) => _calls.TryGetValue(callId, out var level) ? level : null;

    /// <summary>The agent's own alarm (a long pause, Connected-and-Pause, not reachable), not those of the agent's calls.</summary>
    public AlarmLevel? ForAgent(int? agentId) => agentId is int id && _agents.TryGetValue(id, out var level) ? level : null;

    /// <summary>The queue's own alarm (rates, the count of overdue calls), not those of its calls or agents.</summary>
    public AlarmLevel? ForQueue(string queueKey) => _queues.TryGetValue(queueKey, out var level) ? level : null;

    /// <summary>The worst level among alarms of these rules, whatever they concern: the colour of a KPI tile.</summary>
    public AlarmLevel? ForRules(params ReadOnlySpan<AlarmRule> rules)
    {
        AlarmLevel? worst = null;
        foreach (var rule in rules)
        {
            if (_rules.TryGetValue(rule, out var level) && (worst is null || level > worst))
            {
                worst = level;
            }
        }
        return worst;
    }

    /// <summary>The CSS class of a level: <c>level-warning</c>, <c>level-alarm</c>, or none.</summary>
    public static string Css(AlarmLevel? level) => level switch
    {
        AlarmLevel.Alarm => "level-alarm",
        AlarmLevel.Warning => "level-warning",
        _ => "",
    };

    private static void Worst<TKey>(Dictionary<TKey, AlarmLevel> levels, TKey key, AlarmLevel level) where TKey : notnull
    {
        if (!levels.TryGetValue(key, out var known) || level > known)
        {
            levels[key] = level;
        }
    }
}
