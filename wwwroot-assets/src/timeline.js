// Infinite scroll for lists the Blazor UI pages in: calls `LoadMoreAsync` on the .NET object when the sentinel
// element at the end of the list comes near the viewport.

const observers = new WeakMap();

/** Watches `sentinel`; `dotnet` is a DotNetObjectReference with a [JSInvokable] LoadMoreAsync. */
export function observe(sentinel, dotnet) {
    unobserve(sentinel);
    const observer = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) {
            dotnet.invokeMethodAsync('LoadMoreAsync');
        }
    }, { rootMargin: '300px' });
    observer.observe(sentinel);
    observers.set(sentinel, observer);
}

export function unobserve(sentinel) {
    observers.get(sentinel)?.disconnect();
    observers.delete(sentinel);
}
