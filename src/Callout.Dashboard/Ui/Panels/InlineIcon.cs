namespace Callout.Dashboard.Ui.Panels;

/// <summary>
/// A Material icon of MudBlazor's set as inline SVG markup, for rows and tiles written as one piece of markup
/// (a MudIcon is a component per icon). It takes the text's colour and size; words beside it say what it means.
/// </summary>
public static class InlineIcon
{
    public static string Of(string paths) =>
        $"""<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">{paths}</svg>""";
}
