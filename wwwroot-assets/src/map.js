// jsvectormap interop: a world map shaded by one value per country. Import with
//   IJSRuntime.InvokeAsync<IJSObjectReference>("import", "./lib/analytics/map.js")
// options: { values: { US: 123, DE: 45 }, colors: [lowHex, highHex], label: 'Orders', dark: bool }
// The element Blazor passes must be empty and have a height; the map fills it.

const bucketCount = 5;

// element -> { host, options, map, observer }. A Map, not a WeakMap, because every map on the
// page has to be rebuilt together (see rebuildAll).
const states = new Map();

let loading;

function loadScript(relativeUrl) {
    return new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = new URL(relativeUrl, import.meta.url).href;
        script.onload = resolve;
        script.onerror = () => reject(new Error(`Could not load ${script.src}`));
        document.head.appendChild(script);
    });
}

// App.razor loads lib/jsvectormap/jsvectormap.min.js (UMD, sets window.jsVectorMap) and then
// lib/jsvectormap/maps/world.js (calls jsVectorMap.addMap('world', ...)) before Blazor starts.
// If a page forgot the tags, load both once, in that order.
function loadJsVectorMap() {
    if (window.jsVectorMap) {
        return Promise.resolve();
    }
    loading ??= loadScript('../jsvectormap/jsvectormap.min.js')
        .then(() => loadScript('../jsvectormap/maps/world.js'))
        .catch(error => {
            loading = undefined;
            throw error;
        });
    return loading;
}

const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const compactFormat = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });

function hexToRgb(hex) {
    const h = hex.replace('#', '');
    const full = h.length === 3 ? [...h].map(c => c + c).join('') : h;
    return [0, 2, 4].map(i => parseInt(full.slice(i, i + 2), 16));
}

function mix(low, high, t) {
    const [a, b] = [hexToRgb(low), hexToRgb(high)];
    return '#' + a.map((v, i) => Math.round(v + (b[i] - v) * t).toString(16).padStart(2, '0')).join('');
}

function range(from, to, format) {
    const [a, b] = [format.format(from), format.format(to)];
    return a === b ? a : `${a} – ${b}`;
}

// jsvectormap 1.7 only puts a legend on an ordinal scale ({label: colour}), so values are grouped
// into up to five buckets, each a legend entry. Buckets are quantiles rather than equal steps:
// business figures are skewed, and with equal steps one big market would leave every other country
// in the lowest colour.
function buckets(values, [low, high]) {
    const sorted = [...new Set(Object.values(values))].sort((a, b) => a - b);
    const count = Math.min(bucketCount, sorted.length);
    const scale = {};
    const regionLabels = {};
    const bounds = [];
    for (let i = 0; i < count; i++) {
        const from = sorted[Math.floor(i * sorted.length / count)];
        const to = sorted[Math.floor((i + 1) * sorted.length / count) - 1];
        let label = range(from, to, compactFormat);
        if (label in scale) { // compact rounding made two buckets look alike; the legend keys must differ
            label = range(from, to, numberFormat);
        }
        scale[label] = mix(low, high, count === 1 ? 1 : i / (count - 1));
        bounds.push({ to, label });
    }
    for (const [code, value] of Object.entries(values)) {
        regionLabels[code] = bounds.find(b => value <= b.to).label;
    }
    return { scale, regionLabels };
}

function createMap(host, options) {
    // `?? default`, not parameter defaults: C# sends unset properties as null, not undefined.
    const colors = options?.colors?.length === 2 ? options.colors : ['#c6dbef', '#08519c'];
    const label = options?.label ?? '';
    const dark = options?.dark === true;
    // Region codes are upper case in the map; upper-casing guards against a camel-casing
    // dictionary key policy on the C# side turning "US" into "us".
    const numeric = Object.fromEntries(Object.entries(options?.values ?? {})
        .filter(([, v]) => typeof v === 'number' && Number.isFinite(v))
        .map(([code, v]) => [code.toUpperCase(), v]));
    const { scale, regionLabels } = buckets(numeric, colors);
    // The legend lives inside host and reads these variables; the tooltip lives in <body>, so it
    // is coloured in onRegionTooltipShow instead.
    const theme = dark
        ? { empty: '#3a3f4b', legendBg: '#1e2129', border: '#3a3f4b', text: '#e6e6e6', tipBg: '#e6e6e6', tipText: '#1e2129' }
        : { empty: '#e3e6eb', legendBg: '#ffffff', border: '#e5e6e7', text: '#212121', tipBg: '#212121', tipText: '#ffffff' };
    host.style.setProperty('--jvm-legend-bg-color', theme.legendBg);
    host.style.setProperty('--jvm-border-color', theme.border);
    host.style.color = theme.text;

    const map = new window.jsVectorMap({
        selector: host,
        map: 'world',
        backgroundColor: 'transparent',
        zoomOnScroll: false, // the map sits in a scrolling dashboard; the wheel must scroll the page
        regionStyle: {
            initial: { fill: theme.empty },
            hover: { fillOpacity: 0.75, cursor: 'pointer' },
        },
        series: {
            regions: [{
                attribute: 'fill',
                scale,
                values: regionLabels,
                legend: { title: label, vertical: true },
            }],
        },
        onRegionTooltipShow(event, tooltip, code) {
            const value = numeric[code];
            const shown = value === undefined ? '–' : numberFormat.format(value);
            // text() without html=true writes textContent, so names never become markup.
            tooltip.text(`${tooltip.text()} · ${label ? label + ': ' : ''}${shown}`);
            tooltip.css({ backgroundColor: theme.tipBg, color: theme.tipText });
        },
    });
    // An inline <svg> adds a line-box gap below it, which makes a tight container (a grid tile)
    // scroll, and the scrollbar then feeds back into the size the ResizeObserver sees.
    host.querySelector(':scope > svg')?.style.setProperty('display', 'block');
    return map;
}

// jsvectormap 1.7's destroy() flushes one event registry shared by every map on the page, so
// destroying one map leaves the others deaf to hover, drag and zoom. Whenever a map is replaced or
// removed, all maps are torn down and built again (dashboards hold one or two maps).
function rebuildAll() {
    for (const state of states.values()) {
        state.map?.destroy();
        state.map = null;
        state.host.replaceChildren();
    }
    for (const [element, state] of states) {
        if (!element.isConnected) { // Blazor dropped it without calling destroy()
            state.observer.disconnect();
            state.host.remove();
            states.delete(element);
            continue;
        }
        state.map = createMap(state.host, state.options);
    }
}

/** Draws (or redraws) the world map in `element`. */
export async function render(element, options) {
    await loadJsVectorMap();
    const existing = states.get(element);
    if (existing) {
        existing.options = options;
        rebuildAll();
        return;
    }
    // A child of our own, so jsvectormap's classes and styles never collide with attributes
    // Blazor renders on `element`.
    const host = document.createElement('div');
    host.style.width = '100%';
    host.style.height = '100%';
    element.appendChild(host);
    host.style.overflow = 'hidden';
    // jsvectormap does not follow its container's size (grid tiles get resized). Resizing in the
    // next frame keeps the observer from re-entering ("ResizeObserver loop" errors).
    const state = {
        host,
        options,
        map: null,
        observer: new ResizeObserver(() => requestAnimationFrame(() => state.map?.updateSize())),
    };
    states.set(element, state);
    state.map = createMap(host, options);
    state.observer.observe(host);
}

/** Redraws the map in `element` with new values or theme. */
export function update(element, options) {
    return render(element, options);
}

/** Removes the map from `element`. */
export function destroy(element) {
    const state = states.get(element);
    if (!state) {
        return;
    }
    state.observer.disconnect();
    state.map?.destroy();
    state.host.remove();
    states.delete(element);
    rebuildAll();
}
