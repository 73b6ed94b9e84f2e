using System.Collections.Immutable;
using System.Globalization;
using Callout.Dashboard.Domain.Alarms;

namespace Callout.Dashboard.Alarms;

/// <summary>
/// Reads the <c>Alarms</c> section into <see cref="AlarmRules"/>: each rule's <c>Warning</c>, <c>Alarm</c> and
/// <c>Enabled</c> over the built-in default, per queue under <c>Queues:KEY</c> over the section's own rules, per pause
/// type under <c>Pause:Types:NAME</c>. Every mistake is one sentence naming its key, unknown keys too (a misspelt rule
/// would otherwise leave its default on without a word).
/// </summary>
public sealed class AlarmSettings
{
    public const string Section = "Alarms";

    private static readonly string[] s_queueRules = ["ScheduledOverdue", "OverdueCount", "OpenCallout", "AnswerRateHour", "AnswerRateToday", "CancelledShareHour", "DueSoon"];
    private static readonly string[] s_topKeys = [.. s_queueRules, "Pause", "ConnectedAndPause", "AgentNotReachable", "DataAge", "Queues", "RepeatInterval", "Enabled"];

    private readonly List<string> _errors = [];

    public IReadOnlyList<string> Errors => _errors;

    public static (AlarmRules Rules, TimeSpan RepeatInterval, IReadOnlyList<string> Errors) Read(IConfigurationSection section)
    {
        var reader = new AlarmSettings();
        var rules = reader.Rules(section);
        var repeat = reader.Span(section, "RepeatInterval", TimeSpan.FromMinutes(1));
        return (rules, repeat, reader.Errors);
    }

    private AlarmRules Rules(IConfigurationSection section)
    {
        Unknown(section, s_topKeys);
        var all = Bool(section, "Enabled", true);
        var defaults = AlarmRules.Default;
        var queue = QueueRules(section, defaults.Queue, all);
        var pause = section.GetSection("Pause");
        Unknown(pause, ["Warning", "Alarm", "Enabled", "Types"]);
        var types = defaults.PauseTypes.SetItems(defaults.PauseTypes.Select(t => KeyValuePair.Create(t.Key, t.Value with { Enabled = all && t.Value.Enabled })));
        foreach (var type in pause.GetSection("Types").GetChildren())
        {
            types = types.SetItem(type.Key, Durations(type, types.TryGetValue(type.Key, out var own) ? own : defaults.Pause, all, rate: false));
        }
        var queues = ImmutableDictionary<string, QueueAlarmRules>.Empty.WithComparers(StringComparer.Ordinal);
        foreach (var key in section.GetSection("Queues").GetChildren())
        {
            Unknown(key, s_queueRules);
            queues = queues.SetItem(key.Key, QueueRules(key, queue, all));
        }
        var agent = section.GetSection("AgentNotReachable");
        Unknown(agent, ["Warning", "Alarm", "Enabled", "Within"]);
        var legs = defaults.AgentNotReachable;
        var notReachable = new LegFailureThreshold(
            Int(agent, "Warning", legs.Warning, min: 1), Int(agent, "Alarm", legs.Alarm, min: 1), Span(agent, "Within", legs.Within), all && Bool(agent, "Enabled", legs.Enabled));
        Order(agent, notReachable.Warning, notReachable.Alarm, "not above");
        return new AlarmRules
        {
            Queue = queue,
            Queues = queues,
            Pause = Durations(pause, defaults.Pause, all, rate: false, known: false),
            PauseTypes = types,
            ConnectedAndPause = Durations(section.GetSection("ConnectedAndPause"), defaults.ConnectedAndPause, all, rate: false),
            AgentNotReachable = notReachable,
            DataAge = Durations(section.GetSection("DataAge"), defaults.DataAge, all, rate: false),
        };
    }

    private QueueAlarmRules QueueRules(IConfigurationSection section, QueueAlarmRules over, bool all) => new()
    {
        ScheduledOverdue = Durations(section.GetSection("ScheduledOverdue"), over.ScheduledOverdue, all, rate: false),
        OverdueCount = Count(section.GetSection("OverdueCount"), over.OverdueCount, all),
        OpenCallout = Durations(section.GetSection("OpenCallout"), over.OpenCallout, all, rate: false),
        AnswerRateHour = Rate(section.GetSection("AnswerRateHour"), over.AnswerRateHour, all, lowIsBad: true),
        AnswerRateToday = Rate(section.GetSection("AnswerRateToday"), over.AnswerRateToday, all, lowIsBad: true),
        CancelledShareHour = Rate(section.GetSection("CancelledShareHour"), over.CancelledShareHour, all, lowIsBad: false),
        DueSoon = DueSoon(section.GetSection("DueSoon"), over.DueSoon, all),
    };

    /// <summary>A warning only: its window says how far ahead the due calls are counted against the free agents.</summary>
    private DueSoonRule DueSoon(IConfigurationSection section, DueSoonRule over, bool all)
    {
        Unknown(section, ["Window", "Enabled"]);
        return new DueSoonRule(Span(section, "Window", over.Window), all && Bool(section, "Enabled", over.Enabled));
    }

    private Threshold<TimeSpan> Durations(IConfigurationSection section, Threshold<TimeSpan> over, bool all, bool rate, bool known = true)
    {
        if (known)
        {
            Unknown(section, ["Warning", "Alarm", "Enabled"]);
        }
        var result = new Threshold<TimeSpan>(Span(section, "Warning", over.Warning), Span(section, "Alarm", over.Alarm), all && Bool(section, "Enabled", over.Enabled));
        Order(section, result.Warning, result.Alarm, rate ? "not below" : "not above");
        return result;
    }

    private Threshold<int> Count(IConfigurationSection section, Threshold<int> over, bool all)
    {
        Unknown(section, ["Warning", "Alarm", "Enabled"]);
        var result = new Threshold<int>(Int(section, "Warning", over.Warning, min: 1), Int(section, "Alarm", over.Alarm, min: 1), all && Bool(section, "Enabled", over.Enabled));
        Order(section, result.Warning, result.Alarm, "not above");
        return result;
    }

    private RateThreshold Rate(IConfigurationSection section, RateThreshold over, bool all, bool lowIsBad)
    {
        Unknown(section, ["Warning", "Alarm", "Enabled", "MinCompleted"]);
        var result = new RateThreshold(Percent(section, "Warning", over.Warning), Percent(section, "Alarm", over.Alarm),
            Int(section, "MinCompleted", over.MinCompleted, min: 0), all && Bool(section, "Enabled", over.Enabled));
        if (lowIsBad)
        {
            Order(section, result.Alarm, result.Warning, "not below");
        }
        else
        {
            Order(section, result.Warning, result.Alarm, "not above");
        }
        return result;
    }

    /// <summary>The warning must come before the alarm: a rate warns above where it alarms, anything else below.</summary>
    private void Order<T>(IConfigurationSection section, T lower, T higher, string relation) where T : IComparable<T>
    {
        if (lower.CompareTo(higher) > 0)
        {
            _errors.Add(relation == "not below"
                ? $"{section.Path}:Warning must be {relation} {section.Path}:Alarm (a rate warns before it alarms)."
                : $"{section.Path}:Warning must be {relation} {section.Path}:Alarm.");
        }
    }

    private void Unknown(IConfigurationSection section, string[] known)
    {
        foreach (var child in section.GetChildren().Where(c => !known.Contains(c.Key, StringComparer.OrdinalIgnoreCase)))
        {
            _errors.Add($"{child.Path} is not an alarm setting (known here: {string.Join(", ", known)}).");
        }
    }

    private TimeSpan Span(IConfigurationSection section, string key, TimeSpan fallback) =>
        Value(section, key, fallback, "a positive time span such as 00:15:00",
            text => TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero ? span : null);

    private int Int(IConfigurationSection section, string key, int fallback, int min) =>
        Value(section, key, fallback, $"a whole number of at least {min}",
            text => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min ? value : null);

    private double Percent(IConfigurationSection section, string key, double fallback) =>
        Value(section, key, fallback, "a percentage from 0 to 100",
            text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 100 ? value : null);

    private bool Bool(IConfigurationSection section, string key, bool fallback) =>
        Value(section, key, fallback, "true or false", text => bool.TryParse(text, out var value) ? value : null);

    /// <summary>The key's value, or <paramref name="fallback"/> when it is not set; a value that does not parse is a mistake naming the key.</summary>
    private T Value<T>(IConfigurationSection section, string key, T fallback, string expected, Func<string, T?> parse) where T : struct
    {
        var text = section[key];
        if (text is null)
        {
            return fallback;
        }
        if (parse(text) is { } value)
        {
            return value;
        }
        _errors.Add($"{section.Path}:{key} must be {expected} (got '{text}').");
        return fallback;
    }
}
