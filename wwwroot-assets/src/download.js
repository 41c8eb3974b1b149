// Saves text the app generated as a file in the browser's downloads. Import with
//   IJSRuntime.InvokeAsync<IJSObjectReference>("import", "./lib/analytics/download.js")

/** Offers `text` as a download named `fileName` with the given MIME type. */
export function saveText(fileName, mime, text) {
    const url = URL.createObjectURL(new Blob([text], { type: mime }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.style.display = 'none';
    document.body.appendChild(link);
    try {
        link.click();
    } finally {
        link.remove();
        // The click starts the download asynchronously; revoking at once can cancel it in some browsers.
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
    }
}
