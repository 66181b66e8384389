import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { guideline, makeWorkspace, messagesOf, transformText } from '../../helpers.ts'

/** Image files made byte by byte: only their headers matter, which is all guidepress reads. */
function png(width: number, height: number, padding = 0): Buffer {
  const ihdr = Buffer.alloc(25)
  ihdr.writeUInt32BE(13, 0)
  ihdr.write('IHDR', 4, 'latin1')
  ihdr.writeUInt32BE(width, 8)
  ihdr.writeUInt32BE(height, 12)
  ihdr.set([8, 6, 0, 0, 0], 16)
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr, Buffer.alloc(padding)])
}

function gif(width: number, height: number): Buffer {
  const header = Buffer.alloc(13)
  header.write('GIF89a', 0, 'latin1')
  header.writeUInt16LE(width, 6)
  header.writeUInt16LE(height, 8)
  return Buffer.concat([header, Buffer.from([0x3b])])
}

function webp(width: number, height: number): Buffer {
  const file = Buffer.alloc(30)
  file.write('RIFF', 0, 'latin1')
  file.writeUInt32LE(22, 4)
  file.write('WEBPVP8X', 8, 'latin1')
  file.writeUInt32LE(10, 16)
  file.writeUIntLE(width - 1, 24, 3)
  file.writeUIntLE(height - 1, 27, 3)
  return file
}

/** A JPEG whose frame header comes after `metadata` bytes of an APP1 segment (as EXIF puts it). */
function jpeg(width: number, height: number, metadata: number): Buffer {
  const segments: Buffer[] = [Buffer.from([0xff, 0xd8])]
  for (let left = metadata; left > 0; left -= 60_000) {
    const size = Math.min(left, 60_000)
    const app = Buffer.alloc(4 + size)
    app.set([0xff, 0xe1], 0)
    app.writeUInt16BE(size + 2, 2)
    segments.push(app)
  }
  const frame = Buffer.alloc(19)
  frame.set([0xff, 0xc2, 0x00, 0x11, 0x08], 0)
  frame.writeUInt16BE(height, 5)
  frame.writeUInt16BE(width, 7)
  segments.push(frame, Buffer.from([0xff, 0xd9]))
  return Buffer.concat(segments)
}

const files: Record<string, string | Buffer> = {
  'wide.png': png(20_000, 100),
  'many-pixels.png': png(6000, 6000),
  'heavy.png': png(10, 10, 5 * 1024 * 1024 + 1),
  'late-frame.jpg': jpeg(9000, 9000, 150_000),
  'tall.gif': gif(10, 10_000),
  'big.webp': webp(9000, 2),
  'wide.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="20000" height="10"/>',
  'inches.svg': '<?xml version="1.0"?>\n<!-- drawn by hand -->\n<svg xmlns="http://www.w3.org/2000/svg" width="100in" height="1in"><rect/></svg>',
  'viewbox.svg': "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 30000 30000'/>",
  'bitmap.png': Buffer.concat([Buffer.from('BM'), Buffer.alloc(60)]),
  'text.jpg': 'not an image at all',
  'ok.png': png(800, 600),
  'ok.jpg': jpeg(1200, 800, 70_000),
  'ok.gif': gif(10, 10),
  'ok.webp': webp(100, 100),
  'ok-plain.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  'ok-sized.svg': '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE svg>\n<svg width="800px" height="60mm" viewBox="0 0 99999 99999" xmlns="http://www.w3.org/2000/svg"/>'
}

let sourceDir = ''
beforeAll(async () => {
  const root = await makeWorkspace({})
  sourceDir = path.join(root, 'source')
  await mkdir(path.join(sourceDir, 'images'), { recursive: true })
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(sourceDir, 'images', name), content)
})

const withImage = (name: string) => guideline({ body: `## Caring for bones {#bone-care}\n\nStrong bone matters.\n\nSee ![A picture of a bone](images/${name}) here.\n` })

describe('images are bounded in bytes and pixels, read from their headers', () => {
  it.each([
    { name: 'wide.png', rule: 'image-too-large', limit: /8000 pixels a side/ },
    { name: 'many-pixels.png', rule: 'image-too-large', limit: /6000 × 6000 pixels.*25 million/ },
    { name: 'heavy.png', rule: 'image-too-large', limit: /5\.0 MiB.*at most 5\.0 MiB/ },
    { name: 'late-frame.jpg', rule: 'image-too-large', limit: /JPEG image .* 9000 × 9000/ },
    { name: 'tall.gif', rule: 'image-too-large', limit: /10 × 10000 pixels/ },
    { name: 'big.webp', rule: 'image-too-large', limit: /9000 × 2 pixels/ },
    { name: 'wide.svg', rule: 'image-too-large', limit: /SVG image .* 20000 × 10/ },
    { name: 'inches.svg', rule: 'image-too-large', limit: /9600 × 96 pixels/ },
    { name: 'viewbox.svg', rule: 'image-too-large', limit: /30000 × 30000/ },
    { name: 'bitmap.png', rule: 'image-format-unknown', limit: /SVG, PNG, JPEG, GIF, WebP or AVIF/ },
    { name: 'text.jpg', rule: 'image-format-unknown', limit: /SVG, PNG, JPEG, GIF, WebP or AVIF/ }
  ])('$name', ({ name, rule, limit }) => {
    const { file, result } = transformText(withImage(name), { sourceDir })
    expect(messagesOf(file)).toEqual([`${rule}@16:5`])
    expect(file.messages[0]?.reason).toContain(`images/${name}`)
    expect(file.messages[0]?.reason).toMatch(limit)
    expect(result).toBeUndefined()
  })

  it.each(Object.keys(files).filter((name) => name.startsWith('ok')))('accepts %s', (name) => {
    const { file } = transformText(withImage(name), { sourceDir })
    expect(messagesOf(file)).toEqual([])
  })
})
