using Callout.Dashboard.Alarms;
using Callout.Dashboard.Domain.Alarms;

namespace Callout.Dashboard.Tests.Alarms;

/// <summary>The Alarms section as operators write it: defaults without it, overrides layered, every mistake named by its key.</summary>
public sealed class AlarmSettingsTests
{
    private static (AlarmRules Rules, TimeSpan Repeat, IReadOnlyList<string> Errors) Read(params (string Key, string Value)[] settings) =>
        AlarmSettings.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create("Alarms:" + s.Key, (string?)s.Value)))
            .Build().GetSection("Alarms"));

    [Fact]
    public void Read_NoSection_GivesTheDefaults()
    {
        var (rules, repeat, errors) = Read();

        Assert.Empty(errors);
        Assert.Equal(AlarmRules.Default.Queue, rules.Queue);
        Assert.Equal(AlarmRules.Default.DataAge, rules.DataAge);
        Assert.Equal(new Threshold<TimeSpan>(TimeSpan.FromMinutes(35), TimeSpan.FromMinutes(45)), rules.PauseFor("lunch"));
        Assert.Equal(TimeSpan.FromMinutes(1), repeat);
    }

    [Fact]
    public void Read_QueueOverride_LayersOverTheSectionsOwnRules_OneValueAtATime()
    {
        var (rules, _, errors) = Read(
            ("ScheduledOverdue:Warning", "00:02:00"),
            ("AnswerRateHour:MinCompleted", "4"),
            ("Queues:__Callout_Sales:ScheduledOverdue:Alarm", "00:04:00"),
            ("Queues:__Callout_Sales:AnswerRateHour:Enabled", "false"));

        Assert.Empty(errors);
        var sales = rules.For("__Callout_Sales");
        Assert.Equal(new Threshold<TimeSpan>(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4)), sales.ScheduledOverdue);
        Assert.Equal(new RateThreshold(50, 35, 4, Enabled: false), sales.AnswerRateHour);
        Assert.Equal(new Threshold<TimeSpan>(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(15)), rules.For("__Callout_Other").ScheduledOverdue);
        Assert.True(rules.For("__Callout_Other").AnswerRateHour.Enabled);
    }

    [Fact]
    public void Read_PauseTypes_OwnLevelsPerType_OthersTakeThePauseDefault()
    {
        var (rules, _, errors) = Read(("Pause:Warning", "00:20:00"), ("Pause:Types:Training:Warning", "01:30:00"), ("Pause:Types:Training:Alarm", "02:00:00"));

        Assert.Empty(errors);
        Assert.Equal(new Threshold<TimeSpan>(TimeSpan.FromMinutes(90), TimeSpan.FromMinutes(120)), rules.PauseFor("TRAINING"));
        Assert.Equal(new Threshold<TimeSpan>(TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(25)), rules.PauseFor("Meeting"));
        Assert.Equal(TimeSpan.FromMinutes(10), rules.PauseFor("Coffee").Warning);
    }

    [Fact]
    public void Read_EnabledFalse_SwitchesEveryRuleOff()
    {
        var (rules, _, errors) = Read(("Enabled", "false"));

        Assert.Empty(errors);
        Assert.False(rules.Queue.ScheduledOverdue.Enabled);
        Assert.False(rules.AgentNotReachable.Enabled);
        Assert.False(rules.PauseFor("Lunch").Enabled);
        Assert.Null(rules.DataAge.Above(TimeSpan.FromHours(5)));
    }

    [Theory]
    [InlineData("ScheduledOverdeu:Warning", "00:05:00", "Alarms:ScheduledOverdeu is not an alarm setting")]
    [InlineData("Queues:__Callout_Sales:Pause:Warning", "00:05:00", "Alarms:Queues:__Callout_Sales:Pause is not an alarm setting")]
    [InlineData("OpenCallout:Warning", "00:30:00", "Alarms:OpenCallout:Warning must be not above Alarms:OpenCallout:Alarm")]
    [InlineData("AnswerRateToday:Alarm", "60", "Alarms:AnswerRateToday:Warning must be not below Alarms:AnswerRateToday:Alarm")]
    [InlineData("AnswerRateHour:Warning", "120", "Alarms:AnswerRateHour:Warning must be a percentage from 0 to 100 (got '120')")]
    [InlineData("Pause:Types:Lunch:Alarm", "forty minutes", "Alarms:Pause:Types:Lunch:Alarm must be a positive time span such as 00:15:00 (got 'forty minutes')")]
    [InlineData("AgentNotReachable:Warning", "0", "Alarms:AgentNotReachable:Warning must be a whole number of at least 1 (got '0')")]
    [InlineData("DataAge:Enabled", "sometimes", "Alarms:DataAge:Enabled must be true or false (got 'sometimes')")]
    [InlineData("RepeatInterval", "-00:01:00", "Alarms:RepeatInterval must be a positive time span")]
    public void Read_Mistake_IsOneSentenceNamingTheKey(string key, string value, string message)
    {
        var (_, _, errors) = Read((key, value));

        Assert.Contains(message, Assert.Single(errors));
    }

    [Fact]
    public void Start_OldDataAgeSetting_StopsAndSaysWhereItMoved()
    {
        using var app = new DashboardApp(new Dictionary<string, string?> { ["Dashboard:DataAgeWarning"] = "00:05:00", ["ConnectionStrings:RawData"] = "Data Source=:memory:" });

        var error = app.StartFailure<OptionsValidationException>();

        Assert.Contains("Dashboard:DataAgeWarning is now Alarms:DataAge:Warning", error.Message);
    }

    /// <summary>As an operator runs it: one line naming the key, exit code 1, no stack trace.</summary>
    [Fact]
    public async Task Process_BadAlarmSetting_ExitsWithOneLineNamingTheKey()
    {
        await using var host = DashboardProcess.Start(new Dictionary<string, string> { ["Alarms__Queues__X__OverdueCount__Alarm"] = "many", ["Auth__Mode"] = "None" });

        await StartupRefusal.AssertOneLineAsync(host, "Alarms:Queues:X:OverdueCount:Alarm", "must be a whole number of at least 1 (got 'many')");
    }
}
