// Sound on the wall and browser notifications on team-lead pages when an alarm starts. It reads only the
// attention strip's markup (data-alarm ids, data-level), so the server decides what is an alarm and this script
// only decides when to make a noise:
// - an item reaching level "alarm" that was not at that level before starts an alarm; what is on screen when the
//   page loads does not (a wall reloading at night must not chime for alarms it already showed);
// - the sound and the notifications come at most once per the strip's data-repeat-seconds;
// - browsers play sound only after a gesture on the page, so the wall asks for one tap (#sound-arm) and says
//   so until it has it.
(function () {
    const known = new Set();
    let primed = false;
    let lastAlert = 0;
    let armed = false;
    const notifyKey = "callout-notify";

    function strip() {
        return document.querySelector("[data-panel='attention']");
    }

    function repeatMs() {
        const seconds = Number(strip()?.dataset.repeatSeconds);
        return (Number.isFinite(seconds) && seconds > 0 ? seconds : 60) * 1000;
    }

    function alarmsOnScreen() {
        return [...document.querySelectorAll("[data-panel='attention'] [data-alarm]")]
            .filter(e => e.dataset.level === "alarm")
            .map(e => ({ id: e.dataset.alarm, text: e.textContent.trim().replace(/\s+/g, " ") }));
    }

    function check() {
        if (!strip()) {
            return;
        }
        const current = alarmsOnScreen();
        const starting = current.filter(a => !known.has(a.id));
        known.clear();
        current.forEach(a => known.add(a.id));
        if (!primed) {
            primed = true;
            return;
        }
        if (starting.length === 0 || Date.now() - lastAlert < repeatMs()) {
            return;
        }
        lastAlert = Date.now();
        play();
        notify(starting);
    }

    // ---- sound (the wall with ?sound=on renders #alarm-sound and #sound-arm) ----

    function play() {
        const audio = document.getElementById("alarm-sound");
        if (!audio || !armed) {
            return;
        }
        audio.currentTime = 0;
        audio.play().then(
            () => { document.body.dataset.alarmSounds = String(Number(document.body.dataset.alarmSounds || 0) + 1); },
            () => { document.body.dataset.alarmSoundFailed = "true"; });
    }

    function arm() {
        const audio = document.getElementById("alarm-sound");
        if (!audio || armed) {
            return;
        }
        // A muted play inside the gesture is what unlocks later plays without one.
        audio.muted = true;
        audio.play().then(() => {
            audio.pause();
            audio.currentTime = 0;
            audio.muted = false;
            armed = true;
            showArmed();
        }, () => { audio.muted = false; });
    }

    function showArmed() {
        const badge = document.getElementById("sound-arm");
        if (badge && armed && badge.dataset.state !== "armed") {
            badge.textContent = badge.dataset.armed;
            badge.className = "badge badge-ok";
            badge.dataset.state = "armed";
        }
    }

    // ---- notifications (pages render a [data-notify-toggle] button with data-on / data-off / data-denied texts) ----

    function notificationsWanted() {
        return "Notification" in window && localStorage.getItem(notifyKey) === "on" && Notification.permission === "granted";
    }

    function notify(starting) {
        if (!notificationsWanted()) {
            return;
        }
        for (const alarm of starting.slice(0, 3)) {
            new Notification(document.title, { body: alarm.text, tag: alarm.id });
        }
    }

    function showToggles() {
        for (const button of document.querySelectorAll("[data-notify-toggle]")) {
            const state = !("Notification" in window) || Notification.permission === "denied" ? "denied"
                : notificationsWanted() ? "on" : "off";
            if (button.dataset.state !== state) {
                button.dataset.state = state;
                button.textContent = button.dataset[state];
                button.setAttribute("aria-pressed", state === "on" ? "true" : "false");
            }
        }
    }

    async function toggle() {
        if (!("Notification" in window) || Notification.permission === "denied") {
            showToggles();
            return;
        }
        if (localStorage.getItem(notifyKey) === "on" && Notification.permission === "granted") {
            localStorage.setItem(notifyKey, "off");
        } else {
            const permission = Notification.permission === "granted" ? "granted" : await Notification.requestPermission();
            localStorage.setItem(notifyKey, permission === "granted" ? "on" : "off");
        }
        showToggles();
    }

    document.addEventListener("click", e => {
        if (e.target.closest("[data-notify-toggle]")) {
            toggle();
        }
    });
    for (const gesture of ["pointerdown", "keydown", "touchstart"]) {
        document.addEventListener(gesture, arm, { capture: true });
    }

    // Blazor patches the strip in place; every patch is a chance that an alarm started.
    let scheduled = false;
    new MutationObserver(() => {
        if (!scheduled) {
            scheduled = true;
            requestAnimationFrame(() => {
                scheduled = false;
                check();
                showToggles();
                showArmed();
            });
        }
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ["data-level", "data-alarm"] });
    // A hidden tab gets no animation frames: the observer's work waits for it, and a timer keeps the sound going on a wall.
    setInterval(() => { check(); }, 1000);
    check();
    showToggles();
})();
