using Microsoft.Extensions.Options;

namespace Callout.Dashboard.LiveBoard;

/// <summary>The <c>Board</c> configuration section (DESIGN.md).</summary>
public sealed class BoardOptions
{
    public const string Section = "Board";

    public TimeSpan RecentWindow { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan ScheduledThreshold { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan InProgressLimit { get; set; } = TimeSpan.FromMinutes(30);
}

public sealed class BoardOptionsValidator : IValidateOptions<BoardOptions>
{
    public ValidateOptionsResult Validate(string? name, BoardOptions options)
    {
        var failures = new List<string>();
        if (options.RecentWindow <= TimeSpan.Zero)
        {
            failures.Add($"Board:RecentWindow must be longer than zero (got {options.RecentWindow}).");
        }
        if (options.ScheduledThreshold <= TimeSpan.Zero)
        {
            failures.Add($"Board:ScheduledThreshold must be longer than zero (got {options.ScheduledThreshold}).");
        }
        if (options.InProgressLimit <= TimeSpan.Zero)
        {
            failures.Add($"Board:InProgressLimit must be longer than zero (got {options.InProgressLimit}).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
