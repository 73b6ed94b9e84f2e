using Microsoft.Extensions.Localization;

namespace Callout.Dashboard.Ui;

/// <summary>
/// Every word the pages show, in Texts.resx (English) and one Texts.{language}.resx per language. Queue, agent and
/// pause type names come from Raw data and are shown as they are.
/// </summary>
public sealed class Texts;

public static class TextsExtensions
{
    /// <summary>A resource with placeholders, filled in with the page's culture (numbers, dates).</summary>
    public static string Format(this IStringLocalizer texts, string key, params object[] args) => texts[key, args];
}
