using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Callout.Dashboard.Ui.Panels;

/// <summary>
/// A sentence from the resources with markup in its placeholders (a bold name, a code word): each language puts
/// them where its word order wants, so the sentence cannot be cut into pieces around them.
/// </summary>
public static partial class Localized
{
    public static MarkupString Markup(IStringLocalizer texts, string key, params MarkupString[] args) =>
        new(Placeholder().Replace(HtmlText.Encode(texts[key].Value),
            m => args[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)].Value));

    public static MarkupString Strong(string text) => new($"<strong>{HtmlText.Encode(text)}</strong>");

    public static MarkupString Code(string text) => new($"<code>{HtmlText.Encode(text)}</code>");

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
