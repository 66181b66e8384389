// The browser lookup on every OS, with a fake file system and environment: per-user Windows
// installs, macOS app bundles in ~/Applications, snap Chromium, PATH, CHROME_PATH, and the exact
// advice for a machine with none (the bundled Chromium only where its Linux x86-64 binary runs).
import { describe, expect, it } from 'vitest'
import { findBrowser } from '../../render/browser.ts'
import { browserCandidates, browserRemedies, bundledChromiumRuns, findSystemBrowser, type FinderHost } from '../../render/browser/finder.ts'
import { BrowserUnavailableError } from '../../render/errors.ts'

function host(platform: NodeJS.Platform, files: string[], env: FinderHost['env'] = {}, arch = 'x64'): FinderHost {
  const present = new Set(files)
  return { platform, arch, env, home: platform === 'darwin' ? '/Users/ana' : '/home/ana', isExecutable: (file) => present.has(file) }
}

const windowsEnv = { LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local', PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' }

describe('findSystemBrowser', () => {
  it('finds a per-user Chrome on Windows under LOCALAPPDATA, before Edge', () => {
    const userChrome = 'C:\\Users\\ana\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe'
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'
    expect(findSystemBrowser(host('win32', [edge, userChrome], windowsEnv))).toBe(userChrome)
    expect(findSystemBrowser(host('win32', [edge], windowsEnv))).toBe(edge)
    // Without the variables (a service account), the usual Program Files folders are still tried.
    expect(findSystemBrowser(host('win32', ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe']))).toBe('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe')
  })

  it('finds macOS app bundles in /Applications, then in ~/Applications', () => {
    const user = '/Users/ana/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'
    const system = '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'
    expect(findSystemBrowser(host('darwin', [user]))).toBe(user)
    expect(findSystemBrowser(host('darwin', [user, system]))).toBe(system)
  })

  it('finds snap Chromium and browsers on PATH on Linux, preferring the distribution package', () => {
    expect(findSystemBrowser(host('linux', ['/snap/bin/chromium']))).toBe('/snap/bin/chromium')
    expect(findSystemBrowser(host('linux', ['/var/lib/snapd/snap/bin/chromium']))).toBe('/var/lib/snapd/snap/bin/chromium')
    expect(findSystemBrowser(host('linux', ['/snap/bin/chromium', '/usr/bin/chromium']))).toBe('/usr/bin/chromium')
    const nix = '/nix/store/abc-chromium/bin/chromium'
    expect(findSystemBrowser(host('linux', [nix], { PATH: '/nix/store/abc-chromium/bin:relative/bin' }))).toBe(nix)
    expect(findSystemBrowser(host('linux', ['relative/bin/chromium'], { PATH: 'relative/bin' }))).toBeUndefined()
  })

  it('looks only where each OS installs browsers', () => {
    expect(browserCandidates(host('win32', [], windowsEnv)).every((file) => /^C:\\.*\.exe$/.test(file))).toBe(true)
    expect(browserCandidates(host('darwin', [])).every((file) => file.includes('.app/Contents/MacOS/'))).toBe(true)
    expect(browserCandidates(host('linux', [])).every((file) => file.startsWith('/'))).toBe(true)
  })
})

describe('findBrowser', () => {
  it('takes CHROME_PATH first, and refuses one that is not there with the advice for this OS', async () => {
    const mac = host('darwin', ['/opt/my/chrome', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'], { CHROME_PATH: '/opt/my/chrome' })
    expect(await findBrowser(mac.env, mac)).toEqual({ executablePath: '/opt/my/chrome', source: 'CHROME_PATH', headless: true })
    const wrong = host('darwin', [], { CHROME_PATH: '/nowhere/chrome' })
    await expect(findBrowser(wrong.env, wrong)).rejects.toThrow(/CHROME_PATH=\/nowhere\/chrome is not an executable file[\s\S]*brew install --cask google-chrome/)
  })

  it.each([
    { platform: 'darwin' as const, arch: 'arm64', says: 'brew install --cask google-chrome' },
    { platform: 'win32' as const, arch: 'x64', says: 'winget install Microsoft.Edge' },
    { platform: 'linux' as const, arch: 'arm64', says: 'apt-get install chromium' }
  ])('on $platform $arch with no browser, says what to install and never tries the Linux x86-64 Chromium', async ({ platform, arch, says }) => {
    const bare = host(platform, [], {}, arch)
    const failure = await findBrowser(bare.env, bare).then(
      () => undefined,
      (error: unknown) => error
    )
    expect(failure).toBeInstanceOf(BrowserUnavailableError)
    const message = (failure as Error).message
    expect(message).toContain(says)
    expect(message).toContain('CHROME_PATH')
    expect(message).toContain('the bundled Chromium runs on Linux x86-64 only')
    expect(message).not.toContain('npm ci')
  })

  it('offers the bundled Chromium on Linux x86-64 only', () => {
    expect(bundledChromiumRuns({ platform: 'linux', arch: 'x64' })).toBe(true)
    for (const [platform, arch] of [['linux', 'arm64'], ['darwin', 'x64'], ['darwin', 'arm64'], ['win32', 'x64']] as const) {
      expect(bundledChromiumRuns({ platform, arch })).toBe(false)
    }
    expect(browserRemedies({ platform: 'linux', arch: 'x64' }).join('\n')).toContain('@sparticuz/chromium')
    expect(browserRemedies({ platform: 'linux', arch: 'arm64' }).join('\n')).not.toContain('@sparticuz/chromium')
  })
})
