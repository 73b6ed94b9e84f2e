using System.Text;

namespace Callout.Dashboard.Ui.Panels;

/// <summary>
/// Encodes text for markup we build by hand (element content and double-quoted attributes). Only the five
/// characters HTML gives meaning are escaped: HtmlEncoder.Default also escapes '+' and every non-ASCII
/// character, which turns a masked number or a Norwegian name into a string of entities.
/// </summary>
public static class HtmlText
{
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text ?? "";
        }
        var html = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            html.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            } ?? c.ToString());
        }
        return html.ToString();
    }
}
