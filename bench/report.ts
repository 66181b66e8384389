// The bench's table: one row per pair of issue 19's targets, with both figures, the ratio, the
// target and whether it was met; and the load average the machine had meanwhile.
import type { Measured } from './measure.ts'
import { seconds } from './steps.ts'

export interface Row {
  measurement: string
  guidepress: string
  baseline: string
  ratio: number | null
  target: string
  met: boolean | null
  /** 1-minute load average before the guidepress run (other work skews a ratio). */
  load: number | null
}

export class Report {
  readonly rows: Row[] = []

  /** A ratio row: met when `ratio ≤ max` (or `≥ min`). */
  ratio(measurement: string, ours: { text: string; load?: number }, base: string, ratio: number, limit: { max: number } | { min: number }, extra: { met?: boolean; target?: string } = {}): void {
    const withinLimit = 'max' in limit ? ratio <= limit.max : ratio >= limit.min
    const target = extra.target ?? ('max' in limit ? `≤ ${limit.max}` : `≥ ${limit.min}`)
    this.rows.push({ measurement, guidepress: ours.text, baseline: base, ratio, target, met: withinLimit && (extra.met ?? true), load: ours.load ?? null })
  }

  /** A figure that is reported, with no target. */
  figure(measurement: string, ours: string, base: string, ratio: number | null): void {
    this.rows.push({ measurement, guidepress: ours, baseline: base, ratio, target: 'reported', met: null, load: null })
  }

  table(): string {
    return [
      '| measurement | guidepress | baseline | ratio | target | met? | load |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...this.rows.map(
        (r) =>
          `| ${r.measurement} | ${r.guidepress} | ${r.baseline} | ${r.ratio === null ? '–' : r.ratio.toFixed(3)} | ${r.target} | ${r.met === null ? '–' : r.met ? '✅ pass' : '❌ fail'} | ${r.load === null ? '–' : r.load.toFixed(1)} |`
      )
    ].join('\n')
  }
}

export const timed = (run: Measured, note = ''): { text: string; load: number } => ({ text: `${seconds(run.wallMs)}${note}`, load: run.load1Before })

export const mb = (kb: number | null): string => (kb === null ? '?' : `${(kb / 1024).toFixed(0)} MB`)

/** A run as results.json keeps it: everything but the full output, plus its last line. */
export function strip({ stdout, stderr, ...rest }: Measured): Omit<Measured, 'stdout' | 'stderr'> & { summary: string } {
  return { ...rest, summary: stdout.trim().split('\n').at(-1) ?? '' }
}
