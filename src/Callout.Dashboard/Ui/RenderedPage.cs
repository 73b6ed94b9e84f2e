namespace Callout.Dashboard.Ui;

/// <summary>What a page showed when it last rendered: the board (by reference) and its own clock texts.</summary>
public sealed record RenderedPage(BoardView? View, IReadOnlyList<string> ClockTexts)
{
    public static readonly RenderedPage Nothing = new(null, []);

    /// <summary>Whether showing <paramref name="view"/> with <paramref name="clockTexts"/> needs a render, not just a clock tick.</summary>
    public bool DiffersFrom(BoardView view, IEnumerable<string> clockTexts) =>
        !view.ShowsSameDataAs(View) || !clockTexts.SequenceEqual(ClockTexts, StringComparer.Ordinal);
}
