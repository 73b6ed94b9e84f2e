using System.Globalization;
using System.Runtime.CompilerServices;
using System.Collections.Concurrent;
using System.Text;
using Callout.Dashboard.Contracts;
using Callout.Dashboard.Ui.Panels;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Callout.Dashboard.Ui.Charts;

/// <summary>Where the chart is shown: beside other panels, across a whole page, or on the wall.</summary>
public enum ChartLook { Page, Wide, Wall }

/// <summary>
/// Today's quarter hours as one SVG: a stacked bar per quarter hour by outcome, the answer rate as a line on its own
/// axis (0–100 %), the current quarter hour outlined while it fills. Each bar is an image with its numbers as its
/// text, so a screen reader reads them and a pointer shows them. Built once per list of buckets, language and look:
/// the snapshot cache keeps a filter's list while no bucket changes, and the panel takes a new list once a minute, so
/// the pages of a filter share one string a minute (a MudChart would hold its render tree in every circuit).
/// </summary>
public static class IntradayChartSvg
{
    /// <summary>At least this many quarter hours show (four hours), so the morning's first bars are not a wall of colour.</summary>
    private const int MinSlots = 16;

    private static readonly ConditionalWeakTable<IReadOnlyList<IntradayBucket>, ConcurrentDictionary<(string Culture, ChartLook Look), MarkupString>> s_cache = [];

    public static MarkupString Markup(IReadOnlyList<IntradayBucket> buckets, IStringLocalizer texts, ChartLook look)
    {
        var byLook = s_cache.GetValue(buckets, _ => new());
        return byLook.GetOrAdd((CultureInfo.CurrentCulture.Name, look), _ => new MarkupString(Render(buckets, texts, look)));
    }

    /// <summary>The first and last quarter hour shown: from the hour of the first callout (at most four hours back) to the end of the current hour.</summary>
    public static (int From, int To) Window(IReadOnlyList<IntradayBucket> buckets)
    {
        var current = buckets.Count - 1;
        var first = Enumerable.Range(0, buckets.Count).FirstOrDefault(i => buckets[i].Total > 0, current);
        var to = HourStart(buckets, current) + 3;
        var from = Math.Min(HourStart(buckets, first), to - MinSlots + 1);
        return (Math.Max(0, from), to);
    }

    public static string Render(IReadOnlyList<IntradayBucket> buckets, IStringLocalizer texts, ChartLook chartLook)
    {
        var look = Look.Of(chartLook);
        var (from, to) = Window(buckets);
        var slots = to - from + 1;
        var current = buckets.Count - 1;
        var max = NiceMax(buckets.Skip(from).Select(b => b.Total).DefaultIfEmpty(0).Max());
        var plotW = look.Width - look.Left - look.Right;
        var plotH = look.Height - look.Top - look.Bottom;
        var slotW = plotW / slots;
        double Y(double count) => look.Top + plotH * (1 - count / max);
        double RateY(double rate) => look.Top + plotH * (1 - rate / 100);

        var svg = new StringBuilder(16_384);
        svg.Append(CultureInfo.InvariantCulture, $"""<svg class="intraday-chart" viewBox="0 0 {look.Width} {look.Height}" role="group" aria-label="{HtmlText.Encode(texts["Chart.Label"])}" data-from="{from}" data-to="{to}" data-max="{max}">""");
        for (var step = 0; step <= 4; step++)
        {
            var value = max * step / 4;
            var y = Y(value);
            svg.Append(CultureInfo.InvariantCulture, $"""<line class="grid" x1="{look.Left}" x2="{look.Width - look.Right}" y1="{y:0.#}" y2="{y:0.#}"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text class="axis" x="{look.Left - 8}" y="{y + look.Font / 3:0.#}" text-anchor="end" font-size="{look.Font}">{value}</text>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text class="axis rate-axis" x="{look.Width - look.Right + 8}" y="{y + look.Font / 3:0.#}" font-size="{look.Font}">{25 * step}%</text>""");
        }

        var hourEvery = LabelEvery(buckets, slotW, look.Font);
        // One path per outcome for all bars, then a bar's own group on top: its title and a transparent area to point
        // at. A rect per outcome and bar would triple the markup every page of the filter is sent once a minute.
        var stacks = Outcome.Stack.Select(_ => new StringBuilder()).ToArray();
        var bars = new StringBuilder();
        for (var i = from; i <= to; i++)
        {
            var x = look.Left + (i - from) * slotW;
            if ((i - from) % hourEvery == 0 && StartOf(buckets, i) is { } label)
            {
                svg.Append(CultureInfo.InvariantCulture, $"""<text class="axis" x="{x:0.#}" y="{look.Height - look.Bottom + look.Font * 1.3:0.#}" font-size="{look.Font}">{HtmlText.Encode(Display.ClockTime(label))}</text>""");
            }
            if (i >= buckets.Count)
            {
                continue;
            }
            var bucket = buckets[i];
            var barX = x + slotW * 0.12;
            var barW = slotW * 0.76;
            var below = 0;
            for (var o = 0; o < Outcome.Stack.Count; o++)
            {
                var count = Outcome.Stack[o].Count(bucket);
                if (count > 0)
                {
                    var top = Y(below + count);
                    stacks[o].Append(CultureInfo.InvariantCulture, $"M{barX:0.#} {Y(below):0.#}h{barW:0.#}V{top:0.#}h-{barW:0.#}z");
                    below += count;
                }
            }
            // The title is the bar's accessible name and its tooltip alike.
            bars.Append(CultureInfo.InvariantCulture, $"""<g class="{(i == current ? "bar current" : "bar")}" role="img" data-bucket="{bucket.Start:HH\:mm}" data-total="{bucket.Total}"><title>{HtmlText.Encode(BarText(bucket, texts))}</title><rect class="{(i == current ? "hit filling" : "hit")}" x="{barX:0.#}" y="{look.Top}" width="{barW:0.#}" height="{plotH}"/></g>""");
        }
        for (var o = 0; o < Outcome.Stack.Count; o++)
        {
            if (stacks[o].Length > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"""<path class="o-{Outcome.Stack[o].Css}" d="{stacks[o]}"/>""");
            }
        }
        svg.Append(bars);

        var points = Enumerable.Range(from, Math.Max(0, Math.Min(to, current) - from + 1))
            .Where(i => buckets[i].AnswerRate is not null)
            .Select(i => (X: look.Left + (i - from + 0.5) * slotW, Y: RateY(buckets[i].AnswerRate!.Value)))
            .ToList();
        if (points.Count > 1)
        {
            svg.Append("""<polyline class="rate-line" points=" """.TrimEnd())
                .AppendJoin(' ', points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X:0.#},{p.Y:0.#}")))
                .Append(CultureInfo.InvariantCulture, $"\" stroke-width=\"{look.Line}\"/>");
        }
        foreach (var (x, y) in points)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<circle class="rate-point" cx="{x:0.#}" cy="{y:0.#}" r="{look.Line * 1.4:0.#}"/>""");
        }
        svg.Append(CultureInfo.InvariantCulture, $"""<line class="base" x1="{look.Left}" x2="{look.Width - look.Right}" y1="{look.Top + plotH}" y2="{look.Top + plotH}"/>""");
        svg.Append("</svg>");
        Legend(svg, buckets, texts);
        return svg.ToString();
    }

    /// <summary>"10:15–10:30: 12 callouts · 8 answered · 3 no answer · 1 busy · answer rate 67 %"</summary>
    public static string BarText(IntradayBucket bucket, IStringLocalizer texts)
    {
        var parts = new List<string> { texts["Chart.Bucket", Display.ClockTime(bucket.Start), Display.ClockTime(bucket.End), bucket.Total] };
        parts.AddRange(Outcome.Stack.Where(o => o.Count(bucket) > 0).Select(o => texts["Figure.CountOf", o.Count(bucket), texts[o.Text]].Value));
        if (bucket.AnswerRate is { } rate)
        {
            parts.Add(texts["Chart.Rate", rate]);
        }
        return string.Join(" · ", parts);
    }

    /// <summary>Colour, word and today's count of each outcome, and the line's meaning with today's rate.</summary>
    private static void Legend(StringBuilder html, IReadOnlyList<IntradayBucket> buckets, IStringLocalizer texts)
    {
        html.Append("""<ul class="chart-legend">""");
        foreach (var outcome in Outcome.Stack)
        {
            var count = buckets.Sum(outcome.Count);
            html.Append(CultureInfo.InvariantCulture, $"""<li data-outcome="{outcome.Css}"><span class="swatch o-{outcome.Css}"></span>{HtmlText.Encode(texts[outcome.Text])} <b>{count.ToString("N0", CultureInfo.CurrentCulture)}</b></li>""");
        }
        var answered = buckets.Sum(b => b.Answered);
        var dialled = buckets.Sum(b => b.Answered + b.NoAnswer + b.Busy + b.Error);
        var today = dialled == 0 ? BoardView.Dash : texts["Figure.Percent", 100.0 * answered / dialled].Value;
        html.Append(CultureInfo.InvariantCulture, $"""<li data-outcome="rate"><span class="swatch line"></span>{HtmlText.Encode(texts["Chart.RateLine"])} <b>{HtmlText.Encode(today)}</b></li>""");
        html.Append("</ul>");
    }

    /// <summary>A bucket's own start, or for the hour's empty future slots, the time they will start.</summary>
    private static DateTimeOffset? StartOf(IReadOnlyList<IntradayBucket> buckets, int index) =>
        index < buckets.Count ? buckets[index].Start
        : buckets.Count > 0 ? buckets[^1].Start + (index - buckets.Count + 1) * Domain.Today.IntradayCounter.BucketLength : null;

    /// <summary>Quarter hours between time labels: every hour, or every 2, 3, 4 or 6 hours when the page's time format would overlap.</summary>
    private static int LabelEvery(IReadOnlyList<IntradayBucket> buckets, double slotW, int font)
    {
        var sample = buckets.Count > 0 ? buckets[^1].Start : DateTimeOffset.UnixEpoch;
        var width = Display.ClockTime(new DateTimeOffset(sample.Year, sample.Month, sample.Day, 22, 0, 0, sample.Offset)).Length * font * 0.6 + font;
        return new[] { 1, 2, 3, 4, 6 }.Select(h => h * 4).FirstOrDefault(q => q * slotW >= width, 24);
    }

    private static int HourStart(IReadOnlyList<IntradayBucket> buckets, int index)
    {
        if (index < 0 || index >= buckets.Count)
        {
            return Math.Max(0, index);
        }
        return index - buckets[index].Start.Minute / 15;
    }

    /// <summary>A round top for the count axis (4, 8, 20, 40, 100 …) so its four steps are whole numbers.</summary>
    public static int NiceMax(int max)
    {
        foreach (var top in new[] { 4, 8, 12, 20, 40, 60, 80, 100, 120, 160, 200, 400, 600, 800, 1000 })
        {
            if (max <= top)
            {
                return top;
            }
        }
        return (max + 399) / 400 * 400;
    }

    /// <summary>Sizes in the chart's own units: the wall's type is larger, for reading from across the room.</summary>
    private sealed record Look(int Width, int Height, int Left, int Right, int Top, int Bottom, int Font, double Line)
    {
        public static Look Of(ChartLook look) => look switch { ChartLook.Wall => Wall, ChartLook.Wide => Wide, _ => Page };

        public static readonly Look Page = new(1000, 300, 44, 48, 10, 30, 14, 2.5);
        public static readonly Look Wide = new(1600, 300, 44, 48, 10, 30, 14, 2.5);
        public static readonly Look Wall = new(1200, 540, 70, 80, 16, 44, 26, 4);
    }
}
