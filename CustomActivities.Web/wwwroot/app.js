// Small browser helpers called through JS interop.
// Over HTTPS the browser's own cookies are Secure too, as the server's are.
const cookieSecurity = location.protocol === "https:" ? "; secure" : "";

window.customActivities = {
    interactive: false,
    markInteractive() {
        window.customActivities.interactive = true;
    },
    // The light/dark choice, read by the server when it renders the next page (ViewerTheme).
    rememberTheme(name) {
        document.cookie = `ca-theme=${encodeURIComponent(name)}; path=/; max-age=31536000; samesite=lax${cookieSecurity}`;
    },
    // Used by pages with unsaved changes: the browser asks before the tab is closed or reloaded.
    setUnsavedChanges(hasChanges) {
        window.onbeforeunload = hasChanges ? () => true : null;
    },
};

// The server shows times in the browser's zone: it reads this cookie when it renders the next page.
try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    if (zone) {
        document.cookie = `ca-tz=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax${cookieSecurity}`;
    }
} catch {
    // An old browser without Intl time zones: times stay in UTC until the person page asks.
}
