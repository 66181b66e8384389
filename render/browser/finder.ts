// Where a Chrome, Chromium or Edge is on this machine, found the way marp-cli's browser finders look
// (CHROME_PATH first; per-user and machine-wide Windows installs under LOCALAPPDATA and the Program
// Files folders; macOS app bundles in /Applications and ~/Applications; Linux packages, snap and
// anything named like a Chrome on PATH), and what to tell a user who has none. Pure: the file
// system, environment and platform come in as a `FinderHost`, so every OS is tested on any OS.
import { accessSync, constants, statSync } from 'node:fs'
import { homedir } from 'node:os'
import path from 'node:path'

export interface FinderHost {
  platform: NodeJS.Platform
  arch: string
  env: Record<string, string | undefined>
  home: string
  /** Whether `file` is a file this process may run. */
  isExecutable: (file: string) => boolean
}

/** This machine, with `env` as the environment (tests and callers may pass a reduced one). */
export function currentHost(env: Record<string, string | undefined> = process.env): FinderHost {
  return { platform: process.platform, arch: process.arch, env, home: homedir(), isExecutable }
}

function isExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false
    accessSync(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** Names Linux packages give a Chrome-like browser, best first (marp-cli's order, then Edge). */
const linuxNames = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable']

/** Every place a browser may be on `host`, best first; only the first that exists is used. */
export function browserCandidates(host: FinderHost): string[] {
  switch (host.platform) {
    case 'win32':
      return windowsCandidates(host.env)
    case 'darwin':
      return macCandidates(host.home)
    default:
      return unixCandidates(host.env)
  }
}

function windowsCandidates(env: FinderHost['env']): string[] {
  // Per-user installs (Chrome's default without admin rights) live under LOCALAPPDATA.
  const roots = [env.LOCALAPPDATA, env.PROGRAMFILES ?? 'C:\\Program Files', env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)']
  const apps = [
    ['Google', 'Chrome', 'Application', 'chrome.exe'],
    ['Chromium', 'Application', 'chrome.exe'],
    ['Microsoft', 'Edge', 'Application', 'msedge.exe'],
    ['Google', 'Chrome SxS', 'Application', 'chrome.exe']
  ]
  return apps.flatMap((app) => roots.filter((root): root is string => Boolean(root)).map((root) => path.win32.join(root, ...app)))
}

function macCandidates(home: string): string[] {
  const bundles = [
    ['Google Chrome.app', 'Google Chrome'],
    ['Chromium.app', 'Chromium'],
    ['Microsoft Edge.app', 'Microsoft Edge'],
    ['Google Chrome Canary.app', 'Google Chrome Canary']
  ]
  // Machine-wide first, then a user's own ~/Applications (where Chrome goes without admin rights).
  return ['/Applications', path.posix.join(home, 'Applications')].flatMap((folder) =>
    bundles.map(([bundle, binary]) => path.posix.join(folder, bundle ?? '', 'Contents', 'MacOS', binary ?? ''))
  )
}

function unixCandidates(env: FinderHost['env']): string[] {
  const fixed = [
    ...linuxNames.map((name) => `/usr/bin/${name}`),
    '/opt/google/chrome/chrome',
    '/opt/microsoft/msedge/msedge',
    '/snap/bin/chromium', // snap Chromium (Ubuntu's chromium-browser package installs it)
    '/var/lib/snapd/snap/bin/chromium', // the same on distributions that mount snaps there (Fedora, Arch)
    '/var/lib/flatpak/exports/bin/org.chromium.Chromium'
  ]
  const onPath = (env.PATH ?? '').split(':').filter((dir) => dir.startsWith('/')).flatMap((dir) => linuxNames.map((name) => path.posix.join(dir, name)))
  return [...new Set([...fixed, ...onPath])]
}

/** The first browser in `browserCandidates` that exists. */
export function findSystemBrowser(host: FinderHost): string | undefined {
  return browserCandidates(host).find((file) => host.isExecutable(file))
}

/** @sparticuz/chromium ships a Linux x86-64 binary only: anywhere else it cannot run. */
export function bundledChromiumRuns(host: Pick<FinderHost, 'platform' | 'arch'>): boolean {
  return host.platform === 'linux' && host.arch === 'x64'
}

/** What a user of this OS can do when no browser was found, one remedy a line, exact commands. */
export function browserRemedies(host: Pick<FinderHost, 'platform' | 'arch'>): string[] {
  const chromePath = 'set CHROME_PATH to a Chrome, Chromium or Edge executable'
  switch (host.platform) {
    case 'win32':
      return [
        'install Google Chrome (https://www.google.com/chrome/) or Microsoft Edge (part of Windows 10 and 11; `winget install Microsoft.Edge`)',
        `${chromePath}, e.g. \`set CHROME_PATH=C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe\``
      ]
    case 'darwin':
      return [
        'install Google Chrome (https://www.google.com/chrome/, or `brew install --cask google-chrome`) into /Applications or ~/Applications',
        `${chromePath}, e.g. \`export CHROME_PATH="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"\``
      ]
    default:
      return [
        ...(bundledChromiumRuns(host) ? ['run `npm ci` (or `npm install @sparticuz/chromium`) to restore the bundled @sparticuz/chromium package'] : []),
        'install a system browser, e.g. `apt-get install chromium` (Debian/Ubuntu), `dnf install chromium` (Fedora) or `snap install chromium`',
        `${chromePath}`
      ]
  }
}
