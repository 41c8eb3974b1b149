// ApexCharts interop for Blazor. Import with
//   IJSRuntime.InvokeAsync<IJSObjectReference>("import", "./lib/analytics/charts.js")
// Options arrive fully formed from C#; this module only adds page-wide defaults and keeps
// one chart per element so Blazor can update or dispose it.

const fontFamily = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';

// element -> { chart, ready }. A WeakMap so an element Blazor dropped without calling
// destroy() does not keep its chart alive.
const charts = new WeakMap();

let loading;

// App.razor loads lib/apexcharts/apexcharts.min.js (a UMD script that sets window.ApexCharts)
// before Blazor starts. If a page forgot the tag, load the same file once instead of failing.
function loadApexCharts() {
    if (window.ApexCharts) {
        return Promise.resolve(window.ApexCharts);
    }
    loading ??= new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = new URL('../apexcharts/apexcharts.min.js', import.meta.url).href;
        script.onload = () => resolve(window.ApexCharts);
        script.onerror = () => {
            loading = undefined;
            reject(new Error(`Could not load ${script.src}`));
        };
        document.head.appendChild(script);
    });
    return loading;
}

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

function isPlainObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}

// Deep-merges plain objects; arrays (series, colors, categories) are taken whole from the source.
// Nulls are skipped because System.Text.Json writes unset C# properties as null, and ApexCharts
// treats an explicit null differently from a missing key (e.g. chart.height: null draws nothing).
function merge(target, source) {
    for (const [key, value] of Object.entries(source ?? {})) {
        if (value === null || value === undefined) {
            continue;
        }
        target[key] = isPlainObject(value) && isPlainObject(target[key])
            ? merge(target[key], value)
            : isPlainObject(value) ? merge({}, value) : value;
    }
    return target;
}

// A figure by its unit, as FigureFormat (C#) writes it on cards, tables and PDFs: prefix (a currency symbol), the
// value times scale (100 for a ratio shown in percent), suffix (" h", " %"); compact on axes, in full in tooltips.
const plain = { prefix: '', suffix: '', scale: 1, decimals: 2, fixedDecimals: false };
const number = (value, min, max) => new Intl.NumberFormat('en-US', { minimumFractionDigits: min, maximumFractionDigits: max }).format(value);

function figure(format) {
    const { prefix, suffix, scale, decimals, fixedDecimals } = { ...plain, ...(format ?? {}) };
    const signed = (v, digits) => (v < 0 && /[1-9]/.test(digits) ? '−' : '') + prefix + digits + suffix;
    return {
        compact(value) {
            const v = value * scale;
            const a = Math.abs(v);
            const digits = a >= 1e9 ? number(a / 1e9, 0, 2) + 'B'
                : a >= 1e6 ? number(a / 1e6, 0, 2) + 'M'
                : a >= 1e4 ? number(a / 1e3, 0, 1) + 'k'
                : a >= 100 ? number(a, 0, 0)
                : number(a, 0, decimals);
            return signed(v, digits);
        },
        full(value) {
            const v = value * scale;
            const digits = number(Math.abs(v), fixedDecimals ? decimals : 0, decimals);
            return signed(v, digits);
        },
    };
}

// Formatters are functions, which JSON cannot carry: C# names one in `valueFormat` instead.
// Horizontal bars swap the axes: the values run along x and y carries the category names.
// The last `partialPoints` points of each series are buckets still in progress: their tooltip says "so far".
function formatters(valueFormat, horizontal, partialPoints) {
    if (valueFormat === 'score') {
        // A 0–100 score on a radial gauge: the number alone, not ApexCharts' default percent.
        return { plotOptions: { radialBar: { dataLabels: { value: { formatter: (v) => `${Math.round(v)}` } } } } };
    }
    if (valueFormat == null || (valueFormat !== 'number' && typeof valueFormat !== 'object')) {
        return {};
    }
    const { compact, full } = figure(valueFormat === 'number' ? plain : valueFormat);
    const valueAxis = { labels: { formatter: (v) => (v == null || v === '' ? '' : compact(v)) } };
    return {
        [horizontal ? 'xaxis' : 'yaxis']: valueAxis,
        tooltip: {
            y: {
                formatter: (v, o) => (v == null ? '–' : full(v))
                    + (partialPoints > 0 && o?.w && o.dataPointIndex >= o.w.globals.series[o.seriesIndex].length - partialPoints ? ' (so far)' : ''),
            },
        },
    };
}

// Buckets still in progress are drawn dashed and paler, so a day or month just begun does not read as a fall.
function partialDefaults(partialPoints) {
    return partialPoints > 0 ? { forecastDataPoints: { count: partialPoints, dashArray: 5, fillOpacity: 0.35 } } : {};
}

// `labelFormat: 'category'` writes each bar's category before its value (a funnel has no axis to name its stages).
function labelFormatters(labelFormat) {
    if (labelFormat !== 'category') {
        return {};
    }
    return { dataLabels: { formatter: (v, o) => `${o.w.globals.labels[o.dataPointIndex]}: ${figure(plain).compact(v)}` } };
}

function withDefaults(options) {
    const { valueFormat, labelFormat, partialPoints, ...apexOptions } = options ?? {};
    options = merge(apexOptions, formatters(valueFormat, apexOptions.plotOptions?.bar?.horizontal === true, partialPoints ?? 0));
    options = merge(options, partialDefaults(partialPoints ?? 0));
    options = merge(options, labelFormatters(labelFormat));
    const merged = merge({
        chart: {
            fontFamily,
            background: 'transparent',
            toolbar: { show: false },
        },
    }, options);
    // The user's motion preference wins over whatever the caller asked for.
    if (reducedMotion()) {
        merge(merged, { chart: { animations: { enabled: false } } });
    }
    return merged;
}

// ApexCharts only redraws on a parent resize once its animation has ended, which never happens
// with animations off (reduced motion), so a chart drawn before gridstack sized its tile kept the
// wrong width. Redraw ourselves when the width really changes.
function watchSize(element, stateOf) {
    // A chart sized "100%" takes its height from the parent, its width from itself: watch both, since a chart
    // drawn before gridstack laid out its tile starts at zero height or a narrow width.
    const box = () => {
        const own = element.getBoundingClientRect();
        const parent = element.parentElement?.getBoundingClientRect() ?? own;
        return [own.width, parent.height];
    };
    let [width, height] = box();
    let timer;
    const observer = new ResizeObserver(() => {
        const [w, h] = box();
        if (Math.abs(w - width) < 1 && Math.abs(h - height) < 1) {
            return;
        }
        [width, height] = [w, h];
        clearTimeout(timer);
        // A chart still in its first render ignores updateOptions(), which lost resizes that happened while a
        // widget was drawing (the chart kept the width it started with): wait for the render to end.
        timer = setTimeout(() => {
            const state = stateOf();
            state?.ready.then(() => state.chart.updateOptions({}, true, false)).catch(() => {});
        }, 100);
    });
    observer.observe(element);
    if (element.parentElement) {
        observer.observe(element.parentElement);
    }
    return { disconnect: () => { clearTimeout(timer); observer.disconnect(); } };
}

// A chart "100%" high drawn while its tile is still unsized (gridstack lays the grid out after Blazor rendered it)
// comes out zero pixels high; wait for the tile, but never longer than a few seconds.
function whenParentHasHeight(element, timeoutMs = 3000) {
    const parent = element.parentElement;
    if (!parent || parent.getBoundingClientRect().height > 0) {
        return Promise.resolve();
    }
    return new Promise(resolve => {
        const done = () => { observer.disconnect(); clearTimeout(timer); resolve(); };
        const observer = new ResizeObserver(() => { if (parent.getBoundingClientRect().height > 0) done(); });
        const timer = setTimeout(done, timeoutMs);
        observer.observe(parent);
    });
}

/** Draws a chart in `element`, replacing any chart already there. */
export async function render(element, options) {
    const ApexCharts = await loadApexCharts();
    if (String(options?.chart?.height ?? '').endsWith('%')) {
        await whenParentHasHeight(element);
    }
    // Synchronous from here on, so two overlapping render() calls cannot both leave a chart behind.
    destroy(element);
    const chart = new ApexCharts(element, withDefaults(options));
    const state = { chart, ready: chart.render() };
    state.resize = watchSize(element, () => (charts.get(element) === state ? state : undefined));
    charts.set(element, state);
    try {
        await state.ready;
    } catch (error) {
        // A destroy() during the first render makes ApexCharts reject; that is not an error.
        if (charts.get(element) === state) {
            throw error;
        }
    }
}

/** Updates the chart in `element` in place, or draws it if there is none yet. */
export async function update(element, options) {
    const state = charts.get(element);
    if (!state) {
        await render(element, options);
        return;
    }
    // updateOptions() on a chart that has not finished its first render throws inside ApexCharts.
    await state.ready;
    if (charts.get(element) !== state) {
        return; // destroyed or re-rendered meanwhile
    }
    await state.chart.updateOptions(withDefaults(options), true, !reducedMotion());
}

/** Destroys the chart in `element`, if any. */
export function destroy(element) {
    const state = charts.get(element);
    if (!state) {
        return;
    }
    charts.delete(element);
    state.resize.disconnect();
    state.chart.destroy();
}
