// What the dev server adds to each HTML page it serves (never to the files in dist/): a script
// that reloads the page when a build finishes, and, while the last build failed, a banner with
// its messages.
import { escapeHtml } from '../../../render/assets.ts'

/** The Server-Sent Events endpoint the injected script listens on. */
export const eventsPath = '/__guidepress/events'
/** Marks every element the dev server adds, so tests and readers can tell them apart. */
export const injectedMarker = 'data-guidepress-dev'
export const overlayId = 'guidepress-dev-overlay'

/** One message of a failed build, as the banner lists it. */
export interface BuildProblem {
  /** `file:line:column` (or just the file), when the message has a place. */
  place?: string
  severity: 'error' | 'warning'
  reason: string
  ruleId?: string
}

/**
 * The reload script. `generation` names the build the page was served from; the events stream
 * sends the current one on connect and after each build, so a build that finished between serving
 * the page and connecting still updates it. A page whose only script is this one (a handout, a
 * summary, the index) gets the new build's body swapped in, which keeps its fonts, images and
 * scroll position and takes a fraction of a reload; a deck (its own scripts), a changed head or a
 * failed fetch reloads the page.
 */
function reloadScript(generation: string): string {
  // JSON in a script element: `<` escaped so no value can close the element.
  const current = JSON.stringify(generation).replace(/</g, '\\u003c')
  return `<script ${injectedMarker}>(() => {
  let served = ${current};
  const swappable = document.scripts.length === 1;
  let events;
  const update = async (generation) => {
    events.close();
    if (!swappable) return location.reload();
    try {
      const response = await fetch(location.href, { cache: 'no-store' });
      const next = new DOMParser().parseFromString(await response.text(), 'text/html');
      if (!response.ok || next.head.innerHTML !== document.head.innerHTML) return location.reload();
      document.body.replaceWith(document.adoptNode(next.body));
      served = generation;
      connect();
    } catch {
      location.reload();
    }
  };
  // The page and its build go with the stream: the server renders the open pages first, and
  // knows when an updated one is back.
  const connect = () => {
    events = new EventSource(${JSON.stringify(eventsPath)} + '?page=' + encodeURIComponent(location.pathname) + '&served=' + encodeURIComponent(served));
    events.onmessage = (event) => {
      if (event.data !== served) void update(event.data);
    };
  };
  connect();
})();</script>`
}

const overlayStyle = [
  'position:fixed',
  'left:0',
  'right:0',
  'bottom:0',
  'z-index:2147483647',
  'max-height:60vh',
  'overflow:auto',
  'margin:0',
  'padding:12px 16px',
  'background:#fff4f4',
  'color:#5c0011',
  'border-top:4px solid #b00020',
  'font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace',
  'text-align:left',
  'box-shadow:0 -4px 16px rgba(0,0,0,.2)'
].join(';')

function overlay(problems: BuildProblem[]): string {
  const items = problems.map((problem) => {
    const place = problem.place ? `<code style="font-weight:bold">${escapeHtml(problem.place)}</code> ` : ''
    const rule = problem.ruleId ? ` <span style="opacity:.7">(${escapeHtml(problem.ruleId)})</span>` : ''
    return `<li style="margin:4px 0;white-space:pre-wrap">${place}${escapeHtml(problem.severity)}: ${escapeHtml(problem.reason)}${rule}</li>`
  })
  return `<div id="${overlayId}" ${injectedMarker} role="alert" style="${overlayStyle}">
<p style="margin:0 0 6px;font-weight:bold">The last build failed; this page is from the last good build. Fix the problems below and save.</p>
<ul style="margin:0;padding-left:20px;list-style:disc">${items.join('\n')}</ul>
</div>`
}

/** The page as served: the reload script (and the failure banner, if any) just before `</body>`. */
export function injectDevHtml(given: string, state: { generation: string; problems: BuildProblem[] }): string {
  // deck.html's Content-Security-Policy runs only its own scripts and allows no connection, so the
  // reload script could not run under it: the served copy goes without (the file in dist/ keeps it).
  const html = given.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">\n?/, '')
  const addition = `${state.problems.length > 0 ? overlay(state.problems) : ''}${reloadScript(state.generation)}\n`
  // The last `</body>`: a deck's own Marp script comes earlier in the body and keeps running first.
  const end = html.toLowerCase().lastIndexOf('</body>')
  return end === -1 ? `${html}\n${addition}` : `${html.slice(0, end)}${addition}${html.slice(end)}`
}

/** The 404 page; it reloads too, so a page asked for before the first build appears once built. */
export function notFoundPage(pathname: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Not found</title></head>
<body style="font-family:system-ui,sans-serif;margin:2em">
<h1>Not found</h1>
<p><code>${escapeHtml(pathname)}</code> is not in <code>dist/</code>.</p>
<p><a href="/">All guidelines</a></p>
</body>
</html>
`
}
