using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace Callout.Dashboard.Ui.Panels;

/// <summary>
/// Table cells (or a wall row's spans) as one piece of markup per row, built once and shared by every circuit that shows the row the
/// same way. As Razor elements a row costs ~20 render-tree frames (40 bytes each) in both of its panel's
/// buffers, in every circuit, which made the tables most of a page's render state. Row records are shared
/// through the snapshot cache, so a row's markup is cached on its record, with a key of whatever else the
/// cells show (names, clock text) and the page's culture; <typeparamref name="TPanel"/> and a slot number keep
/// apart the different markups one record gets.
/// </summary>
public static class RowMarkup<TPanel>
{
    private static readonly ConditionalWeakTable<object, Slots> s_rows = new();

    public static MarkupString Get<TRow>(TRow row, int slot, object key, Action<TRow, RowWriter> write)
        where TRow : class
    {
        // Pages in two languages show the same records: their markup differs.
        key = (key, CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        var slots = s_rows.GetValue(row, _ => new Slots());
        lock (slots)
        {
            if (slots.TryGet(slot, key) is { } cached)
            {
                return cached;
            }
        }
        var cells = new RowWriter();
        write(row, cells);
        var markup = new MarkupString(cells.ToString());
        lock (slots)
        {
            slots.Set(slot, key, markup);
        }
        return markup;
    }

    private sealed class Slots
    {
        private (object Key, MarkupString Markup)?[] _slots = [];

        public MarkupString? TryGet(int slot, object key) =>
            slot < _slots.Length && _slots[slot] is { } entry && entry.Key.Equals(key) ? entry.Markup : null;

        public void Set(int slot, object key, MarkupString markup)
        {
            if (slot >= _slots.Length)
            {
                Array.Resize(ref _slots, slot + 1);
            }
            _slots[slot] = (key, markup);
        }
    }
}

/// <summary>Writes a row's cells (table cells, or the wall's spans); every text is HTML-encoded.</summary>
public sealed class RowWriter
{
    private readonly StringBuilder _html = new();

    /// <summary>A wall cell. The wall cuts a long text short with an ellipsis, so its title keeps all of it.</summary>
    public RowWriter Span(string? text, string? css = null)
    {
        var encoded = HtmlText.Encode(text ?? "");
        _html.Append(css is null ? "<span" : $"<span class=\"{HtmlText.Encode(css)}\"");
        _html.Append(" title=\"").Append(encoded).Append("\">").Append(encoded).Append("</span>");
        return this;
    }

    public RowWriter Cell(string? text, string? css = null) => Open(css).Text(text).Close();

    public RowWriter Cell(MarkupString markup, string? css = null) => Open(css).Markup(markup).Close();

    public RowWriter Open(string? css = null)
    {
        _html.Append(css is null ? "<td>" : $"<td class=\"{HtmlText.Encode(css)}\">");
        return this;
    }

    public RowWriter Text(string? text)
    {
        _html.Append(HtmlText.Encode(text ?? ""));
        return this;
    }

    public RowWriter Markup(MarkupString markup)
    {
        _html.Append(markup.Value);
        return this;
    }

    public RowWriter Close()
    {
        _html.Append("</td>");
        return this;
    }

    public override string ToString() => _html.ToString();
}
