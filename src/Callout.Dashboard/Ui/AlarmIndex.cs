using System.Runtime.CompilerServices;
using Callout.Dashboard.Contracts;
using Callout.Dashboard.Domain.Alarms;

namespace Callout.Dashboard.Ui;

/// <summary>
/// The worst alarm per call, agent, queue and rule of one snapshot's alarms, so a row or tile finds its colour (and
/// the sentence of its tooltip) without walking the list. Built once per alarm list (the snapshot cache shares lists
/// between circuits and keeps unchanged ones), not per page or render.
/// </summary>
public sealed class AlarmIndex
{
    private static readonly ConditionalWeakTable<IReadOnlyList<AlarmView>, AlarmIndex> s_built = new();

    private readonly Dictionary<string, AlarmView> _calls = new(StringComparer.Ordinal);
    private readonly Dictionary<int, AlarmView> _agents = [];
    private readonly Dictionary<string, AlarmView> _queues = new(StringComparer.Ordinal);
    private readonly Dictionary<AlarmRule, AlarmView> _rules = [];

    private AlarmIndex(IReadOnlyList<AlarmView> alarms)
    {
        foreach (var alarm in alarms)
        {
            Worst(_rules, alarm.Rule, alarm);
            if (alarm.CallId is { } call)
            {
                Worst(_calls, call, alarm);
            }
            else if (alarm.AgentId is int agent)
            {
                Worst(_agents, agent, alarm);
            }
            else if (alarm.QueueKey is { } queue)
            {
                Worst(_queues, queue, alarm);
            }
        }
    }

    public static AlarmIndex Of(IReadOnlyList<AlarmView> alarms) => s_built.GetValue(alarms, a => new AlarmIndex(a));

    /// <summary>The call's own alarm (overdue, open too long).</summary>
    public AlarmLevel? ForCall(string callId) => CallAlarm(callId)?.Level;

    /// <summary>The agent's own alarm (a long pause, Connected-and-Pause, not reachable), not those of the agent's calls.</summary>
    public AlarmLevel? ForAgent(int? agentId) => AgentAlarm(agentId)?.Level;

    /// <summary>The queue's own alarm (rates, the count of overdue calls), not those of its calls or agents.</summary>
    public AlarmLevel? ForQueue(string queueKey) => QueueAlarm(queueKey)?.Level;

    /// <summary>The worst level among alarms of these rules, whatever they concern: the colour of a KPI tile.</summary>
    public AlarmLevel? ForRules(params ReadOnlySpan<AlarmRule> rules) => RuleAlarm(rules)?.Level;

    /// <summary>The worst (then oldest) of the call's own alarms.</summary>
    public AlarmView? CallAlarm(string callId) => _calls.GetValueOrDefault(callId);

    public AlarmView? AgentAlarm(int? agentId) => agentId is int id ? _agents.GetValueOrDefault(id) : null;

    public AlarmView? QueueAlarm(string queueKey) => _queues.GetValueOrDefault(queueKey);

    /// <summary>The worst (then oldest) alarm of these rules.</summary>
    public AlarmView? RuleAlarm(params ReadOnlySpan<AlarmRule> rules)
    {
        AlarmView? worst = null;
        foreach (var rule in rules)
        {
            if (_rules.TryGetValue(rule, out var alarm) && (worst is null || Worse(alarm, worst)))
            {
                worst = alarm;
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

    private static bool Worse(AlarmView alarm, AlarmView than) =>
        alarm.Level > than.Level || (alarm.Level == than.Level && alarm.Since < than.Since);

    private static void Worst<TKey>(Dictionary<TKey, AlarmView> alarms, TKey key, AlarmView alarm) where TKey : notnull
    {
        if (!alarms.TryGetValue(key, out var known) || Worse(alarm, known))
        {
            alarms[key] = alarm;
        }
    }
}
