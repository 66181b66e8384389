import type { Root } from 'mdast'
import { describe, expect, it } from 'vitest'
import { serialize } from '../../../transforms/serialize/serialize.ts'

function paragraph(value: string): Root {
  return { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value }] }] }
}

describe('serialize', () => {
  it('writes one sentence per line', () => {
    expect(serialize(paragraph('Bones hurt. Tell your team! Is it new? Yes.'))).toBe('Bones hurt.\nTell your team!\nIs it new?\nYes.\n')
  })

  it('does not break after abbreviations, initials or before lowercase words', () => {
    const text = 'Ask Dr. Smith, e.g. Monday. Cardoso F. Annals of Oncology. It was 1.5 mg. then less.'
    expect(serialize(paragraph(text))).toBe('Ask Dr. Smith, e.g. Monday.\nCardoso F. Annals of Oncology.\nIt was 1.5 mg. then less.\n')
  })

  it('breaks after a citation mark', () => {
    expect(serialize(paragraph('It helps.¹,² Next point.'))).toBe('It helps.¹,²\nNext point.\n')
  })

  it('escapes text that would otherwise become syntax', () => {
    expect(serialize(paragraph('<script>alert(1)</script> *not emphasis*'))).toBe('\\<script>alert(1)\\</script> \\*not emphasis\\*\n')
  })

  it('gives the same bytes for the same tree', () => {
    const tree: Root = { type: 'root', children: [{ type: 'list', ordered: false, spread: false, children: [{ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [{ type: 'text', value: 'One. Two.' }] }] }] }] }
    expect(serialize(tree)).toBe('- One.\n  Two.\n')
    expect(serialize(tree)).toBe(serialize(structuredClone(tree)))
  })
})

describe('serialize with citations as separate nodes', () => {
  it('breaks a sentence that ends in a citation mark', () => {
    const tree: Root = {
      type: 'root',
      children: [{ type: 'paragraph', children: [{ type: 'text', value: 'It helps.' }, { type: 'text', value: '¹', data: { citation: true } }, { type: 'text', value: ' Next point.' }] }]
    }
    expect(serialize(tree)).toBe('It helps.¹\nNext point.\n')
  })
})
