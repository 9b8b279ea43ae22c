// People and timeline helpers, loaded as a module by the person page (no global script tag needed).
export function timeZone() {
    try {
        return Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch {
        return "";
    }
}

export function offsetMinutes() {
    return -new Date().getTimezoneOffset();
}

// Streams the CSV, counting rows into the progress element as they arrive, then saves it under fileName.
export async function downloadCsv(url, fileName, progress, total) {
    const response = await fetch(url, { credentials: "same-origin" });
    if (!response.ok) {
        throw new Error(`Export failed: ${response.status}`);
    }
    const reader = response.body.getReader();
    const chunks = [];
    let lines = 0;
    let lastPaint = 0;
    for (;;) {
        const { done, value } = await reader.read();
        if (done) {
            break;
        }
        chunks.push(value);
        for (let i = 0; i < value.length; i++) {
            if (value[i] === 10) {
                lines++;
            }
        }
        const now = performance.now();
        if (progress && now - lastPaint > 100) {
            lastPaint = now;
            const rows = Math.max(0, lines - 1);
            progress.textContent = total > 0 ? `${rows.toLocaleString()} / ${total.toLocaleString()} (${Math.min(100, Math.round(100 * rows / total))}%)` : rows.toLocaleString();
        }
    }
    if (progress) {
        progress.textContent = "";
    }
    const blob = new Blob(chunks, { type: "text/csv" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
    return Math.max(0, lines - 1);
}
