using Microsoft.Extensions.Options;

namespace Callout.Dashboard.Alarms;

public static class AlarmsSetup
{
    /// <summary>The alarm rules from the <c>Alarms</c> section (checked at start) and the loop that applies them each second.</summary>
    public static WebApplicationBuilder AddAlarms(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AlarmOptions>()
            .Configure<IConfiguration>((options, configuration) =>
            {
                var (rules, repeat, errors) = AlarmSettings.Read(configuration.GetSection(AlarmSettings.Section));
                options.Rules = rules;
                options.RepeatInterval = repeat;
                options.Errors = [.. errors, .. Moved(configuration)];
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlarmOptions>, AlarmOptionsValidator>();
        services.AddHostedService<AlarmTicker>();
        return builder;
    }

    /// <summary>The data-age badge's limits became the data-age alarm: an old setting must not be ignored without a word.</summary>
    private static IEnumerable<string> Moved(IConfiguration configuration) =>
        new[] { ("Dashboard:DataAgeWarning", "Alarms:DataAge:Warning"), ("Dashboard:DataAgeAlarm", "Alarms:DataAge:Alarm") }
            .Where(m => configuration[m.Item1] is not null)
            .Select(m => $"{m.Item1} is now {m.Item2}: move the setting there.");
}
