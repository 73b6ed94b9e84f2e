using System.Globalization;
using Callout.Dashboard.Contracts;

namespace Callout.Dashboard.Domain.Alarms;

/// <summary>
/// What one rule finds at one moment. <see cref="Since"/> is when the value crossed the warning level where the rows
/// tell (a due time plus the threshold), so it survives a restart; null where only watching tells (rates, counts).
/// </summary>
public sealed record AlarmCondition(
    AlarmRule Rule, AlarmLevel Level, double Value, double Threshold, AlarmUnit Unit, DateTime? Since,
    string? QueueKey = null, int? AgentId = null, decimal? CallId = null, string? PauseType = null)
{
    public string Id => string.Join(':', BoardJson.Name(Rule), QueueKey, AgentId?.ToString(CultureInfo.InvariantCulture), CallId?.ToString("0", CultureInfo.InvariantCulture));

    /// <summary>Whether a higher value is worse: the peak of a rate is its lowest value.</summary>
    public bool HigherIsWorse => Rule is not (AlarmRule.AnswerRateHour or AlarmRule.AnswerRateToday);
}
