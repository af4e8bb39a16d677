import { en, vi } from "../../src/app/i18n";

// Every UI string exists in both languages with the same placeholders; Vietnamese text is NFC (composed diacritics).

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("UI strings", () => {
  it("have the same keys in Vietnamese and English", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });

  it.each(Object.keys(vi) as (keyof typeof vi)[])("%s has the same placeholders in both languages", (key) => {
    expect(placeholders(en[key])).toEqual(placeholders(vi[key]));
  });

  it("write Vietnamese in NFC and never leave a string empty", () => {
    for (const [key, text] of Object.entries(vi)) {
      expect({ key, nfc: text === text.normalize("NFC"), empty: text.trim() === "" }).toEqual({ key, nfc: true, empty: false });
    }
    for (const [key, text] of Object.entries(en)) expect({ key, empty: text.trim() === "" }).toEqual({ key, empty: false });
  });
});
