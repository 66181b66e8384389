// The pages of one PDF drawn inside another's (the deck's slides on presenter.pdf's pages), as form
// XObjects. pdf-lib's embedPages inflates every page's content stream and deflates it again (about
// half a second for a 34-slide deck); a page whose content is one stream (Chromium's always are)
// becomes a form as it is, its compressed bytes untouched.
import {
  concatTransformationMatrix,
  drawObject,
  PDFArray,
  PDFName,
  PDFRawStream,
  PDFRef,
  popGraphicsState,
  pushGraphicsState,
  type PDFDocument,
  type PDFObject,
  type PDFPage
} from './pdf-lib.ts'

/** A page turned into a form: drawn with `drawForm`. */
export interface PageForm {
  ref: PDFRef
  width: number
  height: number
}

/**
 * Each page (copied into `pdf` already, with pdf.copyPages) as a form XObject. The pages themselves
 * and their annotations are deleted: they only fed the forms.
 */
export async function pagesAsForms(pdf: PDFDocument, copied: readonly PDFPage[]): Promise<PageForm[]> {
  const context = pdf.context
  const single = copied.every((page) => {
    const contents = page.node.get(PDFName.of('Contents'))
    return contents instanceof PDFRef && context.lookup(contents) instanceof PDFRawStream
  })
  const unused = copied.flatMap((page) => {
    const annots = page.node.get(PDFName.of('Annots'))
    return [page.ref, ...refs(annots), ...refs(context.lookup(annots))]
  })
  let forms: PageForm[]
  if (single) {
    forms = copied.map((page) => {
      const ref = page.node.get(PDFName.of('Contents')) as PDFRef
      const stream = context.lookup(ref) as PDFRawStream
      const { x, y, width, height } = page.getMediaBox()
      // As pdf-lib's embedder writes it: the page's box, shifted to the origin, and its resources.
      stream.dict.set(PDFName.of('Type'), PDFName.of('XObject'))
      stream.dict.set(PDFName.of('Subtype'), PDFName.of('Form'))
      stream.dict.set(PDFName.of('BBox'), context.obj([x, y, x + width, y + height]))
      stream.dict.set(PDFName.of('Matrix'), context.obj([1, 0, 0, 1, -x, -y]))
      stream.dict.set(PDFName.of('Resources'), page.node.normalizedEntries().Resources)
      return { ref, width, height }
    })
  } else {
    const embedded = await pdf.embedPages([...copied])
    await Promise.all(embedded.map((page) => page.embed()))
    unused.push(...copied.flatMap((page) => refs(page.node.get(PDFName.of('Contents')))))
    forms = embedded.map((page) => ({ ref: page.ref, width: page.width, height: page.height }))
  }
  for (const ref of unused) context.delete(ref)
  return forms
}

/** Draws a form into `rect` of `page`, scaled to fill it. */
export function drawForm(page: PDFPage, form: PageForm, rect: { x: number; y: number; width: number; height: number }): void {
  const name = page.node.newXObject('EmbeddedPdfPage', form.ref)
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(rect.width / form.width, 0, 0, rect.height / form.height, rect.x, rect.y),
    drawObject(name),
    popGraphicsState()
  )
}

function refs(object: PDFObject | undefined): PDFRef[] {
  if (object instanceof PDFRef) return [object]
  return object instanceof PDFArray ? object.asArray().filter((item): item is PDFRef => item instanceof PDFRef) : []
}
