// The pages in dist/ carry their fonts and images inline, as data: URLs (half a megabyte for a
// handout), so each file stands alone. A page reloaded on every save would decode all of it again:
// the dev server serves each such page with those URLs moved out to addresses of their own, which
// the browser keeps between reloads. The files in dist/ are not changed.
import { createHash } from 'node:crypto'

/** Where the dev server serves the data: URLs it takes out of a page. */
export const assetsPath = '/__guidepress/assets/'

/** Big enough to keep off the page; small data: URLs (an icon) stay where they are. */
const minimumLength = 2048
/** Assets kept, most recently used last: the fonts, and the images of the pages open lately. */
const keptAssets = 64

// `data:<type>;base64,<data>`; the type as a page's fonts and images write it.
const dataUrl = /data:([a-z]+\/[a-z0-9.+-]+);base64,([A-Za-z0-9+/]+=*)/g

export interface Asset {
  type: string
  bytes: Buffer
}

export class PageAssets {
  private readonly assets = new Map<string, Asset>()

  /** `html` with every large data: URL replaced by the address the same bytes are served at. */
  extract(html: string): string {
    return html.replace(dataUrl, (whole: string, type: string, data: string) => {
      if (whole.length < minimumLength) return whole
      // The name is the content's hash: the same bytes keep the same address across builds.
      const name = createHash('sha256').update(whole).digest('hex').slice(0, 32)
      const known = this.assets.get(name)
      this.assets.delete(name)
      this.assets.set(name, known ?? { type, bytes: Buffer.from(data, 'base64') })
      if (this.assets.size > keptAssets) this.assets.delete(this.assets.keys().next().value ?? '')
      return `${assetsPath}${name}`
    })
  }

  /** The asset a request path names (`/__guidepress/assets/<name>`), if it is one served lately. */
  find(rawPath: string): Asset | undefined {
    return rawPath.startsWith(assetsPath) ? this.assets.get(rawPath.slice(assetsPath.length)) : undefined
  }
}
