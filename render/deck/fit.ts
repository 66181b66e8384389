// Fitting and measuring a deck's slides in the browser, after layout and before printing.
//
// Fitting: an overfull slide is shrunk in 8% steps by lowering its section's font-size (the theme
// sizes everything inside in em), but never so far that body text drops below BODY_MIN_PT or table
// text below TABLE_MIN_PT on the projected slide: a slide still overfull there is reported instead
// (the fix is to split it or move text into notes, not smaller type).
// Measuring: where each slide's content ends (header, footer and page number left out), so the build
// can warn about a slide that is nearly empty.
import type { RenderWarning } from '../errors.ts'
import { BODY_MIN_PT, MIN_SHRINK, ptToPx, TABLE_MIN_PT, TOP_THIRD } from './thresholds.ts'

export interface SlideInfo {
  heading: string
  text: string
}

export interface FitResult {
  /** Slide number (1-based) → font-size in px, for slides shrunk to fit. */
  scales: Array<[number, number]>
  /** Slides still overfull at the smallest allowed size. */
  overfull: number[]
  slides: SlideInfo[]
  /** Per slide: where its content ends, as a share of the height of its content box (0: no content; over 1: overflow). */
  extents: number[]
  /** Per slide: whether it is the title slide (never measured for fill). */
  titles: boolean[]
}

// Runs in the page as a string (not a serialised function) so transpiler helpers such as esbuild's
// __name never leak into the browser. Overfull: content past the padding box (into the footer),
// wider than the slide, or a loaded image squeezed below a legible height.
export const FIT_SCRIPT = `(() => {
  const BODY_MIN = ${ptToPx(BODY_MIN_PT)}
  const TABLE_MIN = ${ptToPx(TABLE_MIN_PT)}
  const sections = Array.from(document.querySelectorAll('div.marpit > svg > foreignObject > section'))
  const content = (s) => Array.from(s.children).filter((c) => c.tagName !== 'HEADER' && c.tagName !== 'FOOTER')
  const over = (s) => {
    const b = s.getBoundingClientRect()
    const style = getComputedStyle(s)
    const bottom = b.bottom - parseFloat(style.paddingBottom) + 1
    const right = b.right - parseFloat(style.paddingRight) + 1
    const spill = content(s).some((c) => {
      const r = c.getBoundingClientRect()
      return r.height > 0 && (r.bottom > bottom || r.right > right)
    })
    const squeezed = Array.from(s.querySelectorAll('img')).some(
      (img) => img.naturalHeight > 0 && img.getBoundingClientRect().height < Math.min(160, img.naturalHeight)
    )
    return spill || squeezed || s.scrollWidth > s.clientWidth + 1
  }
  // The smallest section font-size at which every block of text keeps its minimum: body text
  // 26 pt, table cells 20 pt (sizes inside are in em, so they scale with the section's).
  const floorOf = (s, base) => {
    let floor = base * ${MIN_SHRINK}
    for (const c of content(s)) {
      for (const el of [c, ...c.querySelectorAll('p, li, td, th, dt, dd, blockquote')]) {
        if (!/^(P|LI|TD|TH|DT|DD|BLOCKQUOTE)$/.test(el.tagName)) continue
        const own = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent.trim() !== '')
        if (!own) continue
        const min = el.closest('table') ? TABLE_MIN : BODY_MIN
        floor = Math.max(floor, (min / parseFloat(getComputedStyle(el).fontSize)) * base)
      }
    }
    return floor
  }
  const scales = []
  const overfull = []
  sections.forEach((s, index) => {
    const base = parseFloat(getComputedStyle(s).fontSize)
    const floor = floorOf(s, base)
    let size = base
    while (over(s) && size > floor + 0.01) {
      size = Math.max(floor, Math.round(size * 0.92 * 10) / 10)
      s.style.setProperty('font-size', size + 'px', 'important')
    }
    if (size !== base) scales.push([index + 1, size])
    if (over(s)) overfull.push(index + 1)
  })
  // Measured in the slide's content box (inside its padding, which header, footer and page number use).
  const extents = sections.map((s) => {
    const b = s.getBoundingClientRect()
    const style = getComputedStyle(s)
    const top = b.top + parseFloat(style.paddingTop)
    const height = b.height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)
    let bottom = top
    for (const c of content(s)) {
      const r = c.getBoundingClientRect()
      if (r.height > 0 && r.width > 0) bottom = Math.max(bottom, r.bottom)
    }
    return Math.round(((bottom - top) / height) * 1000) / 1000
  })
  const titles = sections.map((s, index) => index === 0 || s.classList.contains('title'))
  const slides = sections.map((s) => {
    const h = s.querySelector('h1, h2, h3')
    const text = content(s)
      .map((c) => c.innerText || c.textContent || '')
      .join(' ')
      .replace(/\\s+/g, ' ')
      .trim()
    return { heading: h && h.textContent ? h.textContent.trim() : '', text }
  })
  return { scales, overfull, slides, extents, titles }
})()`

/** The build's warnings about slides: still overfull at the minimum type sizes, or nearly empty. */
export function slideWarnings(id: string, fit: Pick<FitResult, 'overfull' | 'extents' | 'titles'>): RenderWarning[] {
  const warnings: RenderWarning[] = fit.overfull.map((slide) => ({
    id,
    output: 'deck.pdf',
    slide,
    ruleId: 'slide-overfull-rendered',
    message: `Slide ${slide} still overflows at the smallest legible type (${BODY_MIN_PT} pt body, ${TABLE_MIN_PT} pt tables) in deck.pdf; split its section or move text into :::notes`
  }))
  fit.extents.forEach((extent, index) => {
    if (fit.titles[index] || extent >= TOP_THIRD) return
    const slide = index + 1
    warnings.push({
      id,
      output: 'deck.pdf',
      slide,
      ruleId: 'slide-sparse-rendered',
      message: `Slide ${slide} is nearly empty: its content ends ${Math.round(extent * 100)}% of the way down the space for it (in the top third); join it with the slide before or after, or give it a figure or table`
    })
  })
  return warnings.sort((a, b) => (a.slide ?? 0) - (b.slide ?? 0))
}
