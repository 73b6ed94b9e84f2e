using System.Diagnostics.Metrics;
using Callout.Dashboard.Metrics;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Callout.Dashboard.Tests.Metrics;

/// <summary>The gauges read off the board, collected from this meter only (other hosts in the test run have their own).</summary>
public sealed class DashboardMeterTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public void Dispose() => _services.Dispose();

    /// <summary>Raw data rows carry Oslo wall-clock times: on the spring DST change a row from 01:59:30 is a minute old at 03:00:30.</summary>
    [Fact]
    public void DataAge_AcrossTheSpringDstChange_IsTheElapsedTime()
    {
        var clock = new FakeTimeProvider(Oslo.At(new DateTime(2026, 3, 29, 3, 0, 30)));
        var board = new Board(new BoardRules { TimeZone = Oslo.Zone }, clock);
        using var age = DataAge(board, clock);

        board.Apply(new PollBatch([], [], NewestRowAt: new DateTime(2026, 3, 29, 1, 59, 30)));
        age.RecordObservableInstruments();

        Assert.Equal(60, age.LastMeasurement?.Value);
    }

    [Fact]
    public void DataAge_NoRowYet_IsNotReported()
    {
        var clock = new FakeTimeProvider();
        using var age = DataAge(new Board(new BoardRules { TimeZone = Oslo.Zone }, clock), clock);

        age.RecordObservableInstruments();

        Assert.Null(age.LastMeasurement);
    }

    private MetricCollector<double> DataAge(Board board, TimeProvider clock)
    {
        var meters = _services.GetRequiredService<IMeterFactory>();
        _ = new DashboardMeter(meters, board, clock);
        return new MetricCollector<double>(meters, DashboardMeter.Name, "callout.board.data_age", clock);
    }
}
