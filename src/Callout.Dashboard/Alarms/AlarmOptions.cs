using Callout.Dashboard.Domain.Alarms;
using Microsoft.Extensions.Options;

namespace Callout.Dashboard.Alarms;

/// <summary>The <c>Alarms</c> section as read by <see cref="AlarmSettings"/>, with what was wrong in it.</summary>
public sealed class AlarmOptions
{
    public AlarmRules Rules { get; set; } = AlarmRules.Default;

    /// <summary>The wall's sound and a page's notifications come at most once per this interval.</summary>
    public TimeSpan RepeatInterval { get; set; } = TimeSpan.FromMinutes(1);

    public IReadOnlyList<string> Errors { get; set; } = [];
}

public sealed class AlarmOptionsValidator : IValidateOptions<AlarmOptions>
{
    public ValidateOptionsResult Validate(string? name, AlarmOptions options) =>
        options.Errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(options.Errors);
}
