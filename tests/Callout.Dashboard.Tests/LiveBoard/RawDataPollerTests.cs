namespace Callout.Dashboard.Tests.LiveBoard;

public sealed class RawDataPollerTests
{
    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(3, 8)]
    [InlineData(6, 60)]
    [InlineData(500, 60)]
    public void Backoff_RepeatedFailures_DoublesUpToCap(int failures, int expectedSeconds)
    {
        var pause = RawDataPoller.Backoff(TimeSpan.FromSeconds(2), failures, TimeSpan.FromMinutes(1));

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), pause);
    }

    [Fact]
    public void Backoff_CapBelowInterval_NeverPollsFasterThanInterval()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), RawDataPoller.Backoff(TimeSpan.FromSeconds(5), 3, TimeSpan.FromSeconds(1)));
    }
}
