// The shared string table: each distinct text stored once, cells point at it by index.

import { escapeText } from "../xml/escape";
import { XML_DECLARATION } from "./xml-text";

export class SharedStrings {
  private readonly indexByText = new Map<string, number>();
  private readonly texts: string[] = [];
  private uses = 0;

  index(text: string): number {
    this.uses++;
    const normal = text.normalize("NFC");
    let i = this.indexByText.get(normal);
    if (i === undefined) {
      i = this.texts.length;
      this.texts.push(normal);
      this.indexByText.set(normal, i);
    }
    return i;
  }

  xml(): string {
    const items = this.texts.map((t) => {
      // keep leading/trailing spaces and line breaks as typed
      const preserve = /^\s|\s$|\n/.test(t) ? ' xml:space="preserve"' : "";
      return `<si><t${preserve}>${escapeText(t)}</t></si>`;
    });
    return (
      XML_DECLARATION +
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.uses}" uniqueCount="${this.texts.length}">${items.join("")}</sst>`
    );
  }
}
