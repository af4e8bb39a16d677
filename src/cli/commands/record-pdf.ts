// The PDF writer (pdf-lib and fontkit, most of the CLI's code by size) as a bundle of its own, loaded only when
// `chitieu review` writes a .pdf, so every other command starts without it.
export { writeRecordPdf } from "../record-pdf";
