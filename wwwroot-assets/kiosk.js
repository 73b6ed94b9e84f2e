// Starts Blazor and keeps the page alive without a human. A wall display must come back by itself after a
// server restart, a graceful shutdown or a network outage:
// - the circuit's own reconnection is retried; if the server that answers does not have the circuit (a restart,
//   or behind a proxy another server after this one died), the page reloads at once;
// - a heartbeat on /healthz shows "offline" while the server is unreachable, and reloads the page when the circuit
//   is down and the server answers as a different process, or the circuit has stayed down for a minute; with the
//   circuit up, another process answering is only the proxy sending the heartbeat elsewhere, no reason to reload;
// - a loop guard spaces reloads out when they keep happening without the page ever staying live.
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
        if (circuitDownSince === null) {
            return;
        }
        const restarted = status.details && status.details.instance && status.details.instance !== instance;
        const downTooLong = Date.now() - circuitDownSince > 60000;
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
                    show("reloading", "badge-warn");
                    reload();
                    return;
                } catch {
                    show("offline", "badge-alarm");
                }
            }
            // The heartbeat reloads once a server answers.
        },
        onConnectionUp: () => {
            circuitDownSince = null;
            show("live", "badge-ok");
        },
    };

    // Live for a while after a reload: that reload was recovery, not a loop; the guard starts counting afresh.
    function forgetReloadsOnceSettled() {
        setTimeout(() => {
            if (circuitDownSince === null && !reloading) {
                sessionStorage.removeItem(reloadKey);
            }
        }, 30000);
    }

    Blazor.start({ circuit: { reconnectionHandler } }).then(() => {
        document.body.dataset.circuit = "up";
        show("live", "badge-ok");
        forgetReloadsOnceSettled();
    });
    setInterval(heartbeat, 3000);
})();
