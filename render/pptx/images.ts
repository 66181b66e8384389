// The pictures of a deck: the file an image reference points to (under source/images/, as the
// HTML deck inlines it) with its intrinsic size, so the PPTX keeps its aspect ratio.
import path from 'node:path'
import { inlineImage } from '../assets.ts'

export interface Picture {
  /** pptxgenjs's `data`: `image/png;base64,…`. */
  data: string
  width: number
  height: number
}

/** Types PowerPoint shows; other images (WebP, AVIF) are shown by their alt text instead. */
const SHOWN = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/svg+xml'])

export function loadPicture(root: string, deckFile: string, url: string): Picture | undefined {
  const dataUrl = inlineImage(root, path.dirname(deckFile), url)
  const match = dataUrl ? /^data:([^;]+);base64,(.*)$/s.exec(dataUrl) : null
  if (!match?.[1] || match[2] === undefined || !SHOWN.has(match[1])) return undefined
  const bytes = Buffer.from(match[2], 'base64')
  const size = intrinsicSize(match[1], bytes)
  return size ? { data: dataUrl?.slice('data:'.length) ?? '', ...size } : undefined
}

function intrinsicSize(mime: string, bytes: Buffer): { width: number; height: number } | undefined {
  if (mime === 'image/png' && bytes.length >= 24) return positive(bytes.readUInt32BE(16), bytes.readUInt32BE(20))
  if (mime === 'image/gif' && bytes.length >= 10) return positive(bytes.readUInt16LE(6), bytes.readUInt16LE(8))
  if (mime === 'image/jpeg') return jpegSize(bytes)
  if (mime === 'image/svg+xml') return svgSize(bytes.toString('utf8'))
  return undefined
}

function positive(width: number, height: number): { width: number; height: number } | undefined {
  return width > 0 && height > 0 && Number.isFinite(width) && Number.isFinite(height) ? { width, height } : undefined
}

/** The size in a JPEG's start-of-frame segment. */
function jpegSize(bytes: Buffer): { width: number; height: number } | undefined {
  let at = 2
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return undefined
    const marker = bytes[at + 1] ?? 0
    const length = bytes.readUInt16BE(at + 2)
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return positive(bytes.readUInt16BE(at + 7), bytes.readUInt16BE(at + 5))
    at += 2 + length
  }
  return undefined
}

/** An SVG's size from its root element's viewBox, else its width and height. */
function svgSize(svg: string): { width: number; height: number } | undefined {
  const root = /<svg\b[^>]*>/i.exec(svg)?.[0] ?? ''
  const viewBox = /\bviewBox\s*=\s*["']\s*[-\d.e]+[\s,]+[-\d.e]+[\s,]+([\d.e]+)[\s,]+([\d.e]+)/i.exec(root)
  if (viewBox) return positive(Number(viewBox[1]), Number(viewBox[2]))
  const length = (name: string): number => Number(new RegExp(`\\b${name}\\s*=\\s*["']\\s*([\\d.]+)(?:px)?\\s*["']`, 'i').exec(root)?.[1] ?? NaN)
  return positive(length('width'), length('height'))
}
