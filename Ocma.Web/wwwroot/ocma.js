// Small helpers the console calls from .NET: the viewer's own time zone (the calendar shows it beside the brand's),
// and remembering light or dark mode in a cookie the server reads, so the next page is drawn in it from the start.
window.ocma = {
    viewerZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone || null,
    rememberTheme: (cookie, value) => {
        document.cookie = `${cookie}=${value}; path=/; max-age=31536000; samesite=lax`;
    },
};
