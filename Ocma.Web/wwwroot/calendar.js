// The viewer's own IANA time zone, so the calendar can show times in it beside the brand's zone.
window.ocmaViewerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || null;

// The scheduler's day and time cells accept a dragged post: a drop only fires where dragover was cancelled,
// and the inline handler the scheduler renders for that does not survive Blazor's interactive rendering.
document.addEventListener('dragover', e => {
    if (e.target instanceof Element && e.target.closest('.post-calendar .rz-slot')) {
        e.preventDefault();
    }
});
