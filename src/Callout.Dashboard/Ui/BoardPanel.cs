using Microsoft.AspNetCore.Components;

namespace Callout.Dashboard.Ui;

/// <summary>
/// Base of the board's panels: a panel renders when what it shows changes, not whenever its page does.
/// That is its data (<see cref="DataOf"/>; the snapshot cache keeps unchanged lists, so they compare by
/// reference) or its texts that move with the clock (<see cref="ClockTexts"/>), which the page's tick
/// checks without rendering the page.
/// </summary>
public abstract class BoardPanel : ComponentBase, IDisposable
{
    private IDisposable? _ticks;
    private object? _shownData;
    private string[] _shownClock = [];
    private bool _disposed;

    [Parameter, EditorRequired] public BoardView View { get; set; } = null!;

    [Inject] private PageClock PageClock { get; set; } = null!;

    /// <summary>Everything of the view the panel shows apart from the clock, as a tuple of references and flags.</summary>
    protected abstract object DataOf(BoardView view);

    /// <summary>The panel's texts that change with the clock alone.</summary>
    protected virtual IEnumerable<string> ClockTexts(BoardView view) => [];

    protected override void OnInitialized()
    {
        _ticks = PageClock.Subscribe(OnTick);
        Remember(View);
    }

    protected override bool ShouldRender()
    {
        if (Equals(DataOf(View), _shownData) && ClockTexts(View).SequenceEqual(_shownClock, StringComparer.Ordinal))
        {
            return false;
        }
        Remember(View);
        return true;
    }

    private void OnTick(BoardView view)
    {
        if (_disposed)
        {
            return;
        }
        View = view;
        StateHasChanged();
    }

    private void Remember(BoardView view)
    {
        _shownData = DataOf(view);
        _shownClock = [.. ClockTexts(view)];
    }

    public void Dispose()
    {
        _disposed = true;
        _ticks?.Dispose();
        GC.SuppressFinalize(this);
    }
}
