// Offline use: the production build registers public/sw.js, which keeps the site's files after
// the first visit. Never in development (Vite serves changing modules), never where the browser
// has no service workers; a refusal (file://, some private modes) leaves the site working online.
export function registerServiceWorker(win: Window = window): void {
  if (!import.meta.env.PROD || !('serviceWorker' in win.navigator)) return;
  const register = () => {
    // Relative to the page: the worker's scope is the folder the site is served from.
    win.navigator.serviceWorker.register('./sw.js').catch(() => undefined);
  };
  if (win.document.readyState === 'complete') register();
  else win.addEventListener('load', register, { once: true });
}
