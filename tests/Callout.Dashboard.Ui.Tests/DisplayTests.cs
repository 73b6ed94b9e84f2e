namespace Callout.Dashboard.Ui.Tests;

public sealed class DisplayTests
{
    [Theory]
    [InlineData("4722222222", "+47 ••• •• 222")]
    [InlineData("+47 22 22 22 22", "+47 ••• •• 222")]
    [InlineData("22222222", "••• •• 222")]
    [InlineData("123456", "••• •• 456")]
    [InlineData("12345", "•••")]
    [InlineData("anonymous", "•••")]
    public void Phone_Masked_ShowsOnlyCountryCodeAndLastThreeDigits(string number, string expected) =>
        Assert.Equal(expected, Display.Phone(number, mask: true));

    [Theory]
    [InlineData("4722222222", "4722222222")]
    [InlineData("  +47 22 22 22 22 ", "+47 22 22 22 22")]
    public void Phone_Unmasked_ShowsTheNumberTrimmed(string number, string expected) =>
        Assert.Equal(expected, Display.Phone(number, mask: false));

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("   ", false)]
    public void Phone_Missing_IsDash(string? number, bool mask) =>
        Assert.Equal("—", Display.Phone(number, mask));

    [Theory]
    [InlineData(0, "0:00")]
    [InlineData(9, "0:09")]
    [InlineData(600, "10:00")]
    [InlineData(3599, "59:59")]
    [InlineData(3600, "1:00:00")]
    [InlineData(7325, "2:02:05")]
    [InlineData(-5, "+0:05")]
    [InlineData(-3725, "+1:02:05")]
    public void Countdown_Seconds_FormatsAsMinutesOrHours(int seconds, string expected) =>
        Assert.Equal(expected, Display.Countdown(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Countdown_FractionOfASecond_TruncatesToWholeSeconds() =>
        Assert.Equal("9:59", Display.Countdown(TimeSpan.FromSeconds(599.9)));

    [Theory]
    [InlineData(0, "00:00")]
    [InlineData(80, "01:20")]
    [InlineData(3599, "59:59")]
    [InlineData(3600, "1:00:00")]
    [InlineData(36000 + 65, "10:01:05")]
    public void Duration_Seconds_IsMinutesSecondsOrHoursMinutesSeconds(int seconds, string expected) =>
        Assert.Equal(expected, Display.Duration(TimeSpan.FromSeconds(seconds)));

    [Theory]
    [InlineData(-30, "0 s")]
    [InlineData(0, "0 s")]
    [InlineData(45, "45 s")]
    [InlineData(59, "59 s")]
    [InlineData(60, "1 min")]
    [InlineData(12 * 60 + 59, "12 min")]
    [InlineData(3599, "59 min")]
    [InlineData(3600, "1 h 00 min")]
    [InlineData(2 * 3600 + 5 * 60 + 59, "2 h 05 min")]
    [InlineData(26 * 3600, "26 h 00 min")]
    public void Elapsed_Span_IsCompact(int seconds, string expected) =>
        Assert.Equal(expected, Display.Elapsed(TimeSpan.FromSeconds(seconds), TestTexts.Localizer));

    [Fact]
    public void ClockTime_KeepsTheOffsetsWallClock()
    {
        var time = new DateTimeOffset(2026, 1, 15, 9, 5, 7, TimeSpan.FromHours(1));

        Assert.Equal("09:05", Display.ClockTime(time));
        Assert.Equal("09:05:07", Display.ClockTimeWithSeconds(time));
    }
}
