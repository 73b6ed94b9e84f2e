namespace Callout.Dashboard.Browser.Tests;

/// <summary>
/// Measures an open page in the browser: what sticks out of its panel or is cut. Offenders are named by tag,
/// classes, data attributes and the start of their text; within one offender its contents are not reported again.
/// </summary>
public static class LayoutProbe
{
    /// <summary>What <see cref="Script"/> returns: the offences, and how many texts were cut short as meant.</summary>
    public sealed class Findings
    {
        public string[] Offences { get; set; } = [];

        public int Ellipsed { get; set; }
    }

    /// <summary>
    /// On every page: the page does not scroll sideways; inside a [data-panel], no element reaches past the panel's
    /// left or right edge, and no element that clips (overflow other than visible) holds wider content, unless it is
    /// text cut short with an ellipsis whose title is the full text. With <c>wall: true</c> also: no element reaches
    /// below the screen or below what a clipping ancestor shows, panels do not overlap, a list's columns start at the
    /// same place in every row, and a list that pages shows at least its share of the rows (count / pages, rounded down).
    /// </summary>
    public const string Script = """
        ({ wall }) => {
            const offences = [];
            const flagged = [];
            let ellipsed = 0;
            const shown = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
            const px = n => Math.round(n);
            const name = e => {
                let text = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '');
                for (const c of [...e.classList].slice(0, 3)) text += '.' + c;
                for (const a of ['data-panel', 'data-call', 'data-agent', 'data-queue', 'data-token', 'data-kpi']) {
                    if (e.hasAttribute(a)) text += `[${a}='${e.getAttribute(a)}']`;
                }
                const words = (e.textContent || '').trim().replace(/\s+/g, ' ');
                return words ? `${text} "${words.length > 60 ? words.slice(0, 60) + '…' : words}"` : text;
            };
            const offend = (e, what) => {
                if (flagged.some(f => f.contains(e))) return;
                flagged.push(e);
                offences.push(`${name(e)} ${what}`);
            };
            const clips = (e, axis) => getComputedStyle(e)[axis] !== 'visible';
            const ellipsis = e => getComputedStyle(e).textOverflow === 'ellipsis';

            const page = document.scrollingElement;
            if (page.scrollWidth > page.clientWidth + 1) {
                offences.push(`the page scrolls sideways (${page.scrollWidth} px of content in ${page.clientWidth} px)`);
            }
            for (const panel of document.querySelectorAll('[data-panel]')) {
                if (!shown(panel)) continue;
                const box = panel.getBoundingClientRect();
                const where = `in [data-panel='${panel.dataset.panel}']`;
                for (const e of [panel, ...panel.querySelectorAll('*')]) {
                    if (!shown(e)) continue;
                    const r = e.getBoundingClientRect();
                    if (r.right > box.right + 1 || r.left < box.left - 1) {
                        offend(e, `sticks out of its panel ${where} (${px(r.left)}–${px(r.right)} px, the panel ${px(box.left)}–${px(box.right)} px)`);
                    } else if (clips(e, 'overflowX') && e.scrollWidth > e.clientWidth + 1) {
                        if (ellipsis(e) && e.title !== '' && e.title === e.textContent.trim()) ellipsed++;
                        else offend(e, `is cut at its right edge ${where} (${e.scrollWidth} px of content in ${e.clientWidth} px${ellipsis(e) ? ', an ellipsis without the full text as its title' : ''})`);
                    }
                }
            }
            if (wall) {
                for (const e of document.body.querySelectorAll('*')) {
                    if (!shown(e)) continue;
                    let limit = innerHeight, by = 'the screen';
                    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
                        if (!clips(a, 'overflowY')) continue;
                        const bottom = a.getBoundingClientRect().top + a.clientTop + a.clientHeight;
                        if (bottom < limit) { limit = bottom; by = name(a).split(' "')[0]; }
                    }
                    const r = e.getBoundingClientRect();
                    if (r.bottom > limit + 1) offend(e, `is cut at the bottom of ${by} (it ends at ${px(r.bottom)} px, ${by} shows down to ${px(limit)} px)`);
                }
                const panels = [...document.querySelectorAll('[data-panel]')].filter(shown);
                for (let i = 0; i < panels.length; i++) {
                    for (let j = i + 1; j < panels.length; j++) {
                        if (panels[i].contains(panels[j]) || panels[j].contains(panels[i])) continue;
                        const a = panels[i].getBoundingClientRect(), b = panels[j].getBoundingClientRect();
                        if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) {
                            offences.push(`${name(panels[i])} and ${name(panels[j])} overlap`);
                        }
                    }
                }
                for (const list of document.querySelectorAll('.wall-list')) {
                    const rows = [...list.querySelectorAll('.wall-row')];
                    for (let k = 0; rows.length > 1 && k < rows[0].children.length; k++) {
                        const lefts = rows.map(r => r.children[k]).filter(c => c).map(c => c.getBoundingClientRect().left);
                        if (Math.max(...lefts) - Math.min(...lefts) > 1) {
                            offences.push(`[data-panel='${list.dataset.panel}']: column ${k + 1} does not line up from row to row (it starts between ${px(Math.min(...lefts))} and ${px(Math.max(...lefts))} px)`);
                        }
                    }
                    const paging = list.querySelector('.wall-page');
                    if (!paging) continue;
                    const count = parseInt(list.querySelector('.wall-count').textContent, 10);
                    const pages = parseInt(paging.textContent.split('/')[1], 10);
                    if (rows.length < Math.floor(count / pages)) {
                        offences.push(`[data-panel='${list.dataset.panel}'] shows ${rows.length} rows on a page, ${count} rows over ${pages} pages give each at least ${Math.floor(count / pages)}`);
                    }
                }
            }
            return { offences: offences.slice(0, 20), ellipsed };
        }
        """;
}
