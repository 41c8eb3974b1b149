// Page-level browser features the Blazor UI needs: full screen.

/** Shows `element` full screen, or leaves full screen if it is on. */
export async function toggleFullscreen(element) {
    if (document.fullscreenElement) {
        await document.exitFullscreen();
    } else if (element.requestFullscreen) {
        await element.requestFullscreen();
    }
}
