// deck.html as a slide show: one slide at a time, moved on by keys and clicks, the slide number in
// the address (`#5`), fullscreen (f), and a presenter view (`?view=presenter`, or p to open it in
// a second window) with the slide, the next one, its speaker notes and a timer.
//
// Written here rather than taken from marp-cli's bespoke template: that template is internal to
// marp-cli (its public API converts files with its own engine, which would bypass our image
// inlining and link checks), and its presenter view shows the next slide in an iframe of the page,
// which our Content-Security-Policy (no frames, no connections) refuses. This script only moves
// classes on the slides Marp rendered, so the fitted sizes (nth-of-type CSS) hold in every view.
// Without scripts the page still shows every slide, one under the other.
import { createHash } from 'node:crypto'
import { escapeHtml } from '../assets.ts'
import { noteHtml } from './notes.ts'
import { englishLabels, type Labels } from '../../transforms/catalogue/labels.ts'

/** Runs in the page; a string so no transpiler helper leaks in. Plain ES2017, no globals left behind. */
export const PRESENT_SCRIPT = `(() => {
  const root = document.documentElement
  const slides = Array.from(document.querySelectorAll('div.marpit > svg'))
  if (slides.length === 0) return
  const presenter = new URLSearchParams(location.search).get('view') === 'presenter'
  const notes = Array.from(document.querySelectorAll('#gp-notes .gp-note'))
  const position = document.getElementById('gp-position')
  const clock = document.getElementById('gp-clock')
  // "Slide {n} of {total}" in the deck's language, written into the page by presenterPanel.
  const template = position ? position.getAttribute('data-template') || '{n} / {total}' : ''
  const count = (n) => { try { return new Intl.NumberFormat(root.lang || undefined, { useGrouping: false }).format(n) } catch (e) { return String(n) } }
  root.classList.add('gp-present')
  if (presenter) {
    root.classList.add('gp-presenter')
    document.getElementById('gp-panel').hidden = false
  }
  let channel = null
  try { channel = new BroadcastChannel('guidepress:' + location.pathname) } catch (e) { channel = null }
  const fromHash = () => {
    const n = parseInt(location.hash.slice(1), 10)
    return Number.isFinite(n) ? Math.min(Math.max(n, 1), slides.length) - 1 : 0
  }
  let current = -1
  const show = (index, tell) => {
    const i = Math.min(Math.max(index, 0), slides.length - 1)
    if (i === current) return
    current = i
    slides.forEach((svg, k) => {
      svg.classList.toggle('gp-current', k === i)
      svg.classList.toggle('gp-next', presenter && k === i + 1)
      svg.setAttribute('aria-hidden', k === i ? 'false' : 'true')
    })
    notes.forEach((note, k) => { note.hidden = k !== i })
    if (position) position.textContent = template.replace('{n}', count(i + 1)).replace('{total}', count(slides.length))
    const hash = '#' + (i + 1)
    if (location.hash !== hash) history.replaceState(null, '', hash)
    if (tell && channel) channel.postMessage(i)
  }
  const go = (delta) => show(current + delta, true)
  if (channel) channel.onmessage = (event) => { if (typeof event.data === 'number') show(event.data, false) }
  window.addEventListener('hashchange', () => show(fromHash(), true))
  document.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const key = event.key
    if (['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Enter', 'n'].includes(key)) go(1)
    else if (['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace'].includes(key)) go(-1)
    else if (key === 'Home') show(0, true)
    else if (key === 'End') show(slides.length - 1, true)
    else if (key === 'f' || key === 'F') {
      if (document.fullscreenElement) document.exitFullscreen()
      else if (root.requestFullscreen) root.requestFullscreen().catch(() => undefined)
    } else if ((key === 'p' || key === 'P') && !presenter) {
      window.open(location.pathname + '?view=presenter#' + (current + 1), "guidepress-presenter")
    } else if (key === 'r' && presenter) started = Date.now()
    else return
    event.preventDefault()
  })
  document.addEventListener('click', (event) => {
    const target = event.target
    if (target instanceof Element && target.closest('a, button, #gp-panel')) {
      const button = target.closest('button[data-go]')
      if (button) go(Number(button.getAttribute('data-go')))
      return
    }
    go(event.clientX < window.innerWidth / 4 ? -1 : 1)
  })
  let started = Date.now()
  const pad = (n) => String(n).padStart(2, '0')
  const tick = () => {
    const s = Math.floor((Date.now() - started) / 1000)
    if (clock) clock.textContent = (s >= 3600 ? Math.floor(s / 3600) + ':' : '') + pad(Math.floor(s / 60) % 60) + ':' + pad(s % 60)
  }
  if (presenter) { tick(); setInterval(tick, 1000) }
  show(fromHash(), false)
})()`

/** The CSP hash of the script, as deck pages list their allowed scripts. */
export const PRESENT_SCRIPT_HASH = `sha256-${createHash('sha256').update(PRESENT_SCRIPT).digest('base64')}`

/**
 * Screen CSS of the slide show. Without the script (class gp-present) the scrolling layout stays.
 * Audience view: the current slide fills the window, letterboxed. Presenter view: the current
 * slide large on the left; the next slide, then the notes, on the right; a bar with slide number and timer.
 */
export const PRESENT_CSS = `html.gp-present,html.gp-present body{height:100%;overflow:hidden;margin:0;padding:0;background:#111}
html.gp-present main{height:100vh;width:100vw}
html.gp-present div.marpit>svg{display:none;margin:0;box-shadow:none;background:transparent}
html.gp-present div.marpit>svg.gp-current{display:block;width:100vw;height:100vh}
html.gp-presenter body{background:#1c232b;color:#f4f6f8}
html.gp-presenter main{display:grid;grid-template-columns:62fr 38fr;grid-template-rows:auto minmax(0,2fr) minmax(0,3fr);grid-template-areas:"bar bar" "current next" "current notes";gap:12px;padding:12px;box-sizing:border-box}
html.gp-presenter div.marpit{display:contents}
html.gp-presenter div.marpit>svg.gp-current{grid-area:current;width:100%;height:100%;min-height:0}
html.gp-presenter div.marpit>svg.gp-next{display:block;grid-area:next;width:100%;height:100%;min-height:0;opacity:.85}
#gp-panel{display:contents}
#gp-panel[hidden]{display:none}
#gp-bar{grid-area:bar;display:flex;gap:1.5rem;align-items:center;font-size:1.3rem}
#gp-clock{font-variant-numeric:tabular-nums;font-weight:700}
#gp-bar button{font:inherit;font-size:1rem;padding:.2rem .8rem;background:#2f3b47;color:#fff;border:1px solid #5b6b7a;border-radius:.3rem;cursor:pointer}
#gp-notes{grid-area:notes;overflow:auto;background:#fff;color:#1a2330;border-radius:.3rem;padding:1rem 1.25rem;font-size:1.35rem;line-height:1.45}
#gp-notes h2{margin:0 0 .5rem;font-size:1rem;color:#4a5563;text-transform:uppercase;letter-spacing:.05em}
#gp-notes p,#gp-notes ul,#gp-notes ol{margin:0 0 .6em}
#gp-notes .gp-none{color:#4a5563}`

/** The presenter view's panel (hidden unless `?view=presenter`): the bar with number and timer, and every slide's notes. */
export function presenterPanel(notes: readonly string[], labels: Labels = englishLabels): string {
  const rows = notes.map((note, index) => {
    const html = noteHtml(note) || `<p class="gp-none">${escapeHtml(labels.text('noSpeakerNotes'))}</p>`
    return `<div class="gp-note" data-slide="${index + 1}"${index === 0 ? '' : ' hidden'}>${html}</div>`
  })
  return `<div id="gp-panel" hidden>
<div id="gp-bar"><span id="gp-position" data-template="${escapeHtml(labels.template('slideOf').replace(/ /g, '\u00a0'))}">${escapeHtml(labels.text('slideOf', { n: 1, total: notes.length }))}</span><span>${escapeHtml(labels.text('presenterTime'))} <span id="gp-clock">00:00</span></span><button type="button" data-go="-1">${escapeHtml(labels.text('previousSlide'))}</button><button type="button" data-go="1">${escapeHtml(labels.text('nextSlide'))}</button><span>${escapeHtml(labels.text('presenterKeys'))}</span></div>
<section id="gp-notes" aria-label="${escapeHtml(labels.text('speakerNotes'))}"><h2>${escapeHtml(labels.text('notes'))}</h2>
${rows.join('\n')}
</section>
</div>`
}
