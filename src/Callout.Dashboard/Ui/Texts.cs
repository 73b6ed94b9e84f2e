namespace Callout.Dashboard.Ui;

/// <summary>
/// Every word the pages show, in Texts.resx (English) and one Texts.{language}.resx per language. Queue, agent and
/// pause type names come from Raw data and are shown as they are. A text with placeholders is filled in with the
/// page's culture by the localizer's indexer (<c>T["Time.Ago", elapsed]</c>).
/// </summary>
public sealed class Texts;
