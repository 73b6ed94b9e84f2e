using System.Collections.Concurrent;
using Callout.Dashboard.Contracts;
using Callout.Dashboard.Domain;
using Callout.Dashboard.Domain.Alarms;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Callout.Dashboard.Ui.Panels;

/// <summary>
/// MudBlazor's small chip as one piece of markup. Tables show dozens of chips; a MudChip is a component that
/// holds a few KB of render state per circuit, and even its plain markup costs nine render-tree frames a
/// chip in both of the panel's buffers. The markup of each chip text is built once and shared.
/// </summary>
public static class Chips
{
    /// <summary>Chip texts come from a small set (outcomes, statuses, pause types); a flood of new ones is not cached.</summary>
    private const int MaxCached = 512;

    private static readonly ConcurrentDictionary<(string Text, string Color, string? Css, bool Outlined), MarkupString> s_markup = new();

    /// <summary>A filled small chip; <paramref name="color"/> is a MudBlazor colour name (success, warning, …).</summary>
    public static MarkupString Chip(string text, string color, string? css = null) => Markup((text, color, css, false));

    public static MarkupString OutlinedChip(string text) => Markup((text, "default", null, true));

    public static MarkupString AgentStatus(AgentView agent, IStringLocalizer texts) =>
        agent.ConnectedAndPause ? Chip(texts["Status.ConnectedAndPause"], "error", "status-chip")
        : agent.Status switch
        {
            AgentPresence.LoggedOn => Chip(texts["Status.LoggedOn"], "success", "status-chip"),
            AgentPresence.Paused => Chip(agent.PauseType is { Length: > 0 } type ? texts["Status.PauseOf", type] : texts["Status.Pause"], "warning", "status-chip"),
            _ => Chip(texts["Status.LoggedOff"], "default", "status-chip"),
        };

    /// <summary>
    /// An alarm level as an icon and a word (warning, alarm), so it never rests on colour alone; nothing without an alarm.
    /// Agent rows and tiles show it; their markup is cached per row, so it is built once for each.
    /// </summary>

    private static MarkupString Markup((string Text, string Color, string? Css, bool Outlined) chip)
    {
        if (s_markup.TryGetValue(chip, out var markup))
        {
            return markup;
        }
        var variant = chip.Outlined ? "outlined" : "filled";
        var css = chip.Css is null ? "" : " " + HtmlText.Encode(chip.Css);
        markup = new MarkupString(
            $"""<div class="mud-chip-container"><div class="mud-chip mud-chip-{variant} mud-chip-size-small mud-chip-color-{chip.Color}{css}" tabindex="-1"><span class="mud-chip-content">{HtmlText.Encode(chip.Text)}</span></div></div>""");
        if (s_markup.Count < MaxCached)
        {
            s_markup.TryAdd(chip, markup);
        }
        return markup;
    }
}
