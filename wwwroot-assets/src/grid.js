// Gridstack interop for the dashboard grid. Import with
//   IJSRuntime.InvokeAsync<IJSObjectReference>("import", "./lib/analytics/grid.js")
// Blazor renders the widgets itself: children of the grid element with class "grid-stack-item"
// and gs-id / gs-x / gs-y / gs-w / gs-h attributes (use @key on them). Gridstack only positions
// them and reports the new layout to .NET through OnLayoutChanged.

const debounceMs = 300;

// element -> { grid, dotnetRef, timer, sending }
const grids = new WeakMap();

let loading;

// App.razor loads lib/gridstack/gridstack-all.js (UMD bundle, sets window.GridStack) before Blazor
// starts. If a page forgot the tag, load the same file once instead of failing.
function loadGridStack() {
    if (window.GridStack) {
        return Promise.resolve(window.GridStack);
    }
    loading ??= new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = new URL('../gridstack/gridstack-all.js', import.meta.url).href;
        script.onload = () => resolve(window.GridStack);
        script.onerror = () => {
            loading = undefined;
            reject(new Error(`Could not load ${script.src}`));
        };
        document.head.appendChild(script);
    });
    return loading;
}

// The whole layout, not only the nodes of the last event: after debouncing, the latest state of
// every item is what .NET must store, so no move made during the wait is lost.
function layout(grid) {
    return grid.engine.nodes.map(node => ({
        id: node.id ?? node.el?.getAttribute('gs-id') ?? null,
        x: node.x,
        y: node.y,
        w: node.w,
        h: node.h,
    }));
}

function send(state) {
    clearTimeout(state.timer);
    state.timer = undefined;
    const items = layout(state.grid);
    const call = () => state.dotnetRef.invokeMethodAsync('OnLayoutChanged', items)
        .catch(error => console.error('OnLayoutChanged failed', error));
    // Call at once when idle, so a flush from destroy() reaches .NET before the component disposes
    // its DotNetObjectReference; otherwise queue behind the running call so .NET receives layouts
    // in order and the newest one last.
    const sending = state.sending ? state.sending.then(call) : call();
    state.sending = sending;
    sending.finally(() => {
        if (state.sending === sending) {
            state.sending = null;
        }
    });
}

function schedule(state) {
    clearTimeout(state.timer);
    state.timer = setTimeout(() => send(state), debounceMs);
}

/**
 * Turns `element` (class "grid-stack") and its Blazor-rendered items into a 12-column grid.
 * options: { editable: bool, cellHeight?: number }
 */
export async function init(element, dotnetRef, options = {}) {
    const GridStack = await loadGridStack();
    destroy(element);
    element.classList.add('grid-stack'); // gridstack's CSS keys on it
    const grid = GridStack.init({
        column: 12,
        cellHeight: options.cellHeight ?? 80,
        margin: 8,
        float: false,
        staticGrid: !options.editable,
        animate: !window.matchMedia('(prefers-reduced-motion: reduce)').matches,
    }, element);
    const state = { grid, dotnetRef, timer: undefined, sending: null };
    grid.on('change', () => schedule(state));
    grids.set(element, state);
}

/** Switches between a locked grid and one the user can drag and resize. */
export function setEditable(element, editable) {
    grids.get(element)?.grid.setStatic(!editable);
}

const position = el => ['x', 'y', 'w', 'h'].map(k => parseInt(el.getAttribute(`gs-${k}`), 10));

/**
 * Brings gridstack in line with the DOM after Blazor re-rendered the grid; call it from
 * OnAfterRenderAsync whenever widgets were added, removed or moved from C#.
 * Blazor owns the item elements, so nothing here creates or deletes DOM nodes: items Blazor removed
 * are dropped from gridstack's engine only (removeWidget(el, false)), new children are adopted with
 * makeWidget(el), which reads their gs-* attributes, and gs-* attributes Blazor changed (e.g. a
 * "reset layout") are applied with update(). All in one batchUpdate so the grid lays out once.
 */
export function refresh(element) {
    const state = grids.get(element);
    if (!state) {
        return;
    }
    const { grid } = state;
    grid.batchUpdate();
    try {
        for (const node of [...grid.engine.nodes]) {
            // Gone from the DOM, or an element Blazor reused for another widget (missing @key).
            if (node.el?.parentElement !== element || node.el.getAttribute('gs-id') !== (node.id ?? null)) {
                grid.removeWidget(node.el, false);
            }
        }
        for (const el of element.querySelectorAll(':scope > .grid-stack-item')) {
            if (!el.gridstackNode) {
                grid.makeWidget(el);
                continue;
            }
            const [x, y, w, h] = position(el);
            const node = el.gridstackNode;
            const busy = el.classList.contains('ui-draggable-dragging') || el.classList.contains('ui-resizable-resizing');
            if (!busy && [x, y, w, h].every(Number.isFinite) && (x !== node.x || y !== node.y || w !== node.w || h !== node.h)) {
                grid.update(el, { x, y, w, h });
            }
        }
    } finally {
        grid.batchUpdate(false);
    }
}

/** Sends any pending layout change, then detaches gridstack without touching Blazor's DOM. */
export function destroy(element) {
    const state = grids.get(element);
    if (!state) {
        return;
    }
    grids.delete(element);
    if (state.timer !== undefined) {
        send(state);
    }
    state.grid.destroy(false);
}
