export { writeTemplateXlsx, type WriteTemplateOptions } from "./write-template";
