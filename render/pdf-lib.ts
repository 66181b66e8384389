// pdf-lib, loaded from the one-file build its package ships (dist/pdf-lib.esm.min.js, same
// release). Its package entry is 192 ES modules, which Node 20's loader takes about 0.5 s to load,
// against about 0.14 s for the one file: a third of a second off every build that makes a PDF,
// on the path to its first print. Every other module takes pdf-lib from here, never from
// 'pdf-lib' itself: objects of two copies fail each other's `instanceof`.
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

type PdfLib = typeof import('pdf-lib')

/** `<package>/dist/pdf-lib.esm.min.js`, found from the package's own entry (wherever npm put it). */
function oneFileBuild(): string {
  const entry = createRequire(import.meta.url).resolve('pdf-lib') // <package>/cjs/index.js
  return path.join(path.dirname(entry), '..', 'dist', 'pdf-lib.esm.min.js')
}

const lib = (await import(pathToFileURL(oneFileBuild()).href)) as PdfLib

export const {
  beginMarkedContent,
  concatTransformationMatrix,
  drawObject,
  endMarkedContent,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  PDFNull
} = lib
export const PDFArray = lib.PDFArray
export type PDFArray = import('pdf-lib').PDFArray
export const PDFDict = lib.PDFDict
export type PDFDict = import('pdf-lib').PDFDict
export const PDFDocument = lib.PDFDocument
export type PDFDocument = import('pdf-lib').PDFDocument
export const PDFHexString = lib.PDFHexString
export type PDFHexString = import('pdf-lib').PDFHexString
export const PDFName = lib.PDFName
export type PDFName = import('pdf-lib').PDFName
export const PDFNumber = lib.PDFNumber
export type PDFNumber = import('pdf-lib').PDFNumber
export const PDFRawStream = lib.PDFRawStream
export type PDFRawStream = import('pdf-lib').PDFRawStream
export const PDFRef = lib.PDFRef
export type PDFRef = import('pdf-lib').PDFRef
export const PDFString = lib.PDFString
export type PDFString = import('pdf-lib').PDFString
export type { PDFObject, PDFPage } from 'pdf-lib'
