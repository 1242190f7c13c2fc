// The viewer's own IANA time zone, so the calendar can show times in it beside the brand's zone.
window.ocmaViewerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || null;
