import { closeSync, fstatSync, openSync, readSync } from 'node:fs'

/**
 * What one image may cost. The browser decodes every image to 4 bytes a pixel, once per slide,
 * screenshot and PDF that shows it, so its pixel count matters more than its file size; an
 * 80 MB file or a small one declaring 50,000 × 50,000 pixels would take the build down.
 */
export const imageLimits = { bytes: 5 * 1024 * 1024, side: 8000, pixels: 25_000_000 } as const

export interface ImageHeader {
  format: 'PNG' | 'JPEG' | 'GIF' | 'WebP' | 'AVIF' | 'SVG'
  /** Undefined when the image does not say (an SVG without width, height or viewBox). */
  width?: number
  height?: number
}

/** How much of a file is read to find its size: headers, or an SVG's opening tag, come first. */
const headBytes = 64 * 1024

/** The byte size of a file and what its first bytes say (format, pixel size); `undefined` header when no known format. */
export function readImageHeader(file: string): { bytes: number; header: ImageHeader | undefined } {
  const fd = openSync(file, 'r')
  try {
    const bytes = fstatSync(fd).size
    const head = readAt(fd, 0, Math.min(headBytes, bytes))
    return { bytes, header: rasterHeader(head, fd) ?? svgHeader(head) }
  } finally {
    closeSync(fd)
  }
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(Math.max(0, length))
  const read = readSync(fd, buffer, 0, buffer.length, position)
  return buffer.subarray(0, read)
}

function rasterHeader(head: Buffer, fd: number): ImageHeader | undefined {
  const ascii = (start: number, end: number) => head.toString('latin1', start, end)
  if (head.length >= 24 && head.readUInt32BE(0) === 0x89504e47 && ascii(12, 16) === 'IHDR') {
    return { format: 'PNG', width: head.readUInt32BE(16), height: head.readUInt32BE(20) }
  }
  if (head.length >= 10 && /^GIF8[79]a$/.test(ascii(0, 6))) return { format: 'GIF', width: head.readUInt16LE(6), height: head.readUInt16LE(8) }
  if (head.length >= 30 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return webpHeader(head)
  if (head.length >= 4 && head[0] === 0xff && head[1] === 0xd8) return jpegHeader(fd)
  if (head.length >= 12 && ascii(4, 8) === 'ftyp' && /^avi[fs]$/.test(ascii(8, 12))) return avifHeader(head)
  return undefined
}

function webpHeader(head: Buffer): ImageHeader | undefined {
  const chunk = head.toString('latin1', 12, 16)
  if (chunk === 'VP8 ') return { format: 'WebP', width: head.readUInt16LE(26) & 0x3fff, height: head.readUInt16LE(28) & 0x3fff }
  if (chunk === 'VP8L') {
    const bits = head.readUInt32LE(21)
    return { format: 'WebP', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 }
  }
  if (chunk === 'VP8X') return { format: 'WebP', width: head.readUIntLE(24, 3) + 1, height: head.readUIntLE(27, 3) + 1 }
  return undefined
}

/** Walks the JPEG's segments (reading a few bytes each) to its frame header; metadata segments may push it far in. */
function jpegHeader(fd: number): ImageHeader | undefined {
  let position = 2
  for (let segment = 0; segment < 1000; segment += 1) {
    const marker = readAt(fd, position, 9)
    if (marker.length < 4 || marker[0] !== 0xff) return undefined
    const type = marker[1] ?? 0
    if (type === 0xff) {
      position += 1 // fill byte
      continue
    }
    const isFrame = type >= 0xc0 && type <= 0xcf && type !== 0xc4 && type !== 0xc8 && type !== 0xcc
    if (isFrame) return marker.length < 9 ? undefined : { format: 'JPEG', height: marker.readUInt16BE(5), width: marker.readUInt16BE(7) }
    if (type === 0xd9 || type === 0xda) return undefined // end of image, or pixels before any frame header
    position += type >= 0xd0 && type <= 0xd8 ? 2 : 2 + marker.readUInt16BE(2)
  }
  return undefined
}

/** AVIF's `ispe` boxes carry each image's size; the largest counts. */
function avifHeader(head: Buffer): ImageHeader | undefined {
  let width = 0
  let height = 0
  for (let at = head.indexOf('ispe', 0, 'latin1'); at !== -1 && at + 16 <= head.length; at = head.indexOf('ispe', at + 4, 'latin1')) {
    width = Math.max(width, head.readUInt32BE(at + 8))
    height = Math.max(height, head.readUInt32BE(at + 12))
  }
  return width > 0 && height > 0 ? { format: 'AVIF', width, height } : undefined
}

const cssPixels: Record<string, number> = { '': 1, px: 1, in: 96, cm: 96 / 2.54, mm: 96 / 25.4, pt: 96 / 72, pc: 16, em: 16, ex: 8 }

/** An SVG's size from its `<svg>` tag: `width` and `height` in absolute units, else its `viewBox`. */
function svgHeader(head: Buffer): ImageHeader | undefined {
  const text = head.toString('utf8')
  // Before the root element only an XML declaration, comments, a doctype and white space may stand.
  const start = /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[^\]]*\])?\s*>)\s*)*<svg(?=[\s/>])([^>]*)>/i.exec(text)
  if (!start) return undefined
  const attributes = new Map<string, string>()
  for (const [, name, double, single] of (start[1] ?? '').matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attributes.set((name ?? '').toLowerCase(), double ?? single ?? '')
  const length = (value: string | undefined) => {
    const match = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*([a-z]*)\s*$/i.exec(value ?? '')
    const unit = cssPixels[(match?.[2] ?? '').toLowerCase()]
    return match && unit !== undefined ? Number(match[1]) * unit : undefined
  }
  const box = (attributes.get('viewbox') ?? '').trim().split(/[\s,]+/).map(Number)
  const [boxWidth, boxHeight] = box.length === 4 && box.every(Number.isFinite) ? [box[2], box[3]] : [undefined, undefined]
  const width = length(attributes.get('width')) ?? boxWidth
  const height = length(attributes.get('height')) ?? boxHeight
  return { format: 'SVG', ...(width !== undefined ? { width: Math.abs(width) } : {}), ...(height !== undefined ? { height: Math.abs(height) } : {}) }
}

/** Why an image is refused (unknown format, too many bytes or pixels), or `undefined` when it is within the limits. */
export function imageSizeProblem(file: string, url: string): { reason: string; ruleId: string } | undefined {
  const { bytes, header } = readImageHeader(file)
  const mib = (count: number) => `${(count / 1024 / 1024).toFixed(1)} MiB`
  if (bytes > imageLimits.bytes) {
    return { reason: `Unexpected image \`${url}\` of ${mib(bytes)}; an image may have at most ${mib(imageLimits.bytes)}: save it smaller (SVG, or PNG/JPEG at slide size)`, ruleId: 'image-too-large' }
  }
  if (!header) {
    return { reason: `Expected \`${url}\` to be an SVG, PNG, JPEG, GIF, WebP or AVIF image whose size can be read; its first bytes are none of these`, ruleId: 'image-format-unknown' }
  }
  const { width = 0, height = 0 } = header
  if (width > imageLimits.side || height > imageLimits.side || width * height > imageLimits.pixels) {
    const size = `${Math.round(width)} × ${Math.round(height)} pixels`
    return { reason: `Unexpected ${header.format} image \`${url}\` of ${size}; an image may have at most ${imageLimits.side} pixels a side and ${imageLimits.pixels / 1_000_000} million in all: scale it down`, ruleId: 'image-too-large' }
  }
  return undefined
}
