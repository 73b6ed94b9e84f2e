// Starts Blazor and owns reconnection. A wall display must come back by itself after a server restart or
// a network outage: keep retrying the circuit, and when the server no longer knows it, reload the page
// once the server answers again. A loop guard spaces reloads out if the page keeps failing.
(function () {
    const reloadKey = "callout-reloads";
    const badge = () => document.getElementById("connection-badge");

    function show(text, level) {
        const el = badge();
        if (el) {
            el.textContent = text;
            el.className = "badge " + level;
        }
    }

    function recentReloads() {
        const now = Date.now();
        const kept = JSON.parse(sessionStorage.getItem(reloadKey) || "[]").filter(t => now - t < 10 * 60 * 1000);
        sessionStorage.setItem(reloadKey, JSON.stringify(kept));
        return kept;
    }

    async function serverAnswers() {
        try {
            const response = await fetch("/healthz", { cache: "no-store" });
            return response.ok;
        } catch {
            return false;
        }
    }

    async function reloadWhenServerAnswers() {
        show("reconnecting…", "badge-warn");
        for (let attempt = 0; ; attempt++) {
            if (await serverAnswers()) {
                const reloads = recentReloads();
                // Loop guard: after 5 reloads in 10 minutes, wait a minute between tries.
                const wait = reloads.length >= 5 ? 60000 : 0;
                setTimeout(() => {
                    reloads.push(Date.now());
                    sessionStorage.setItem(reloadKey, JSON.stringify(reloads));
                    location.reload();
                }, wait);
                return;
            }
            show("offline · retrying", "badge-alarm");
            await new Promise(r => setTimeout(r, Math.min(2000 + attempt * 1000, 10000)));
        }
    }

    const reconnectionHandler = {
        onConnectionDown: async () => {
            show("reconnecting…", "badge-warn");
            for (let attempt = 0; attempt < 10; attempt++) {
                await new Promise(r => setTimeout(r, Math.min(1000 * (attempt + 1), 5000)));
                try {
                    // True when the old circuit is resumed; false when the server no longer has it.
                    if (await Blazor.reconnect()) {
                        show("live", "badge-ok");
                        return;
                    }
                    break;
                } catch {
                    show("offline · retrying", "badge-alarm");
                }
            }
            await reloadWhenServerAnswers();
        },
        onConnectionUp: () => show("live", "badge-ok"),
    };

    Blazor.start({ circuit: { reconnectionHandler } }).then(() => {
        document.body.dataset.circuit = "up";
        show("live", "badge-ok");
    });
})();
