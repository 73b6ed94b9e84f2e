// Starts Blazor and keeps the page alive without a human. A wall display must come back by itself after a
// server restart, a graceful shutdown or a network outage:
// - the circuit's own reconnection is retried; if the server no longer has the circuit, the page reloads;
// - a heartbeat on /healthz shows "offline" while the server is unreachable, and reloads the page when the
//   server answers as a different process (a restart) or the circuit has stayed down for a minute;
// - a loop guard spaces reloads out when they keep happening.
(function () {
    const reloadKey = "callout-reloads";
    const instance = document.body.dataset.instance;
    let circuitDownSince = null;
    let reloading = false;

    // The badge carries its words in the page's language (data-live, data-offline, ...); the body's attribute
    // keeps the English state for scripts.
    const states = { live: "live", reconnecting: "reconnecting…", offline: "offline · retrying", reloading: "reloading…" };

    function show(state, level) {
        const badge = document.getElementById("connection-badge");
        if (badge) {
            badge.textContent = badge.dataset[state] || states[state];
            badge.className = "badge " + level;
        }
        document.body.dataset.connection = states[state];
    }

    async function health() {
        try {
            const response = await fetch("/healthz", { cache: "no-store" });
            return response.ok ? await response.json() : null;
        } catch {
            return null;
        }
    }

    function reload() {
        if (reloading) {
            return;
        }
        reloading = true;
        const now = Date.now();
        const recent = JSON.parse(sessionStorage.getItem(reloadKey) || "[]").filter(t => now - t < 10 * 60 * 1000);
        // Loop guard: after 5 reloads in 10 minutes, wait a minute before the next.
        const wait = recent.length >= 5 ? 60000 : 0;
        setTimeout(() => {
            recent.push(Date.now());
            sessionStorage.setItem(reloadKey, JSON.stringify(recent));
            location.reload();
        }, wait);
    }

    async function heartbeat() {
        const status = await health();
        if (!status) {
            show("offline", "badge-alarm");
            circuitDownSince ??= Date.now();
            return;
        }
        const restarted = status.details && status.details.instance && status.details.instance !== instance;
        const downTooLong = circuitDownSince !== null && Date.now() - circuitDownSince > 60000;
        if (restarted || downTooLong) {
            show("reloading", "badge-warn");
            reload();
        }
    }

    const reconnectionHandler = {
        onConnectionDown: async () => {
            circuitDownSince ??= Date.now();
            show("reconnecting", "badge-warn");
            for (let attempt = 0; attempt < 10 && !reloading; attempt++) {
                await new Promise(r => setTimeout(r, Math.min(1000 * (attempt + 1), 5000)));
                try {
                    // True: the circuit is back. False: the server answered but no longer has it.
                    if (await Blazor.reconnect()) {
                        return;
                    }
                    break;
                } catch {
                    show("offline", "badge-alarm");
                }
            }
            // The heartbeat reloads once the server answers.
        },
        onConnectionUp: () => {
            circuitDownSince = null;
            show("live", "badge-ok");
        },
    };

    Blazor.start({ circuit: { reconnectionHandler } }).then(() => {
        document.body.dataset.circuit = "up";
        show("live", "badge-ok");
    });
    setInterval(heartbeat, 3000);
})();
