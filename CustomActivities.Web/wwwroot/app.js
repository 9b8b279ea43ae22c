// Small browser helpers called through JS interop.
window.customActivities = {
    interactive: false,
    markInteractive() {
        window.customActivities.interactive = true;
    },
    // Used by pages with unsaved changes: the browser asks before the tab is closed or reloaded.
    setUnsavedChanges(hasChanges) {
        window.onbeforeunload = hasChanges ? () => true : null;
    },
};
