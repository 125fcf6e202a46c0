import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isStorableText, storableText } from "./text.js";

describe("isStorableText", () => {
  it("accepts any text of whole characters, astral ones (surrogate pairs) included", () => {
    for (const text of ["", "first meeting", "réunion à 9 h — 会议", "👩‍💼 F-2026-017", "\u{1F600}"])
      expect(isStorableText(text)).toBe(true);
  });

  it("refuses a NUL character and unpaired surrogates wherever they are", () => {
    for (const text of ["\0", "a\0b", "\uD83D", "x\uD83Dy", "\uDE00", "a\uDE00\uD83D", "\uD83D\uD83D"])
      expect(isStorableText(text)).toBe(false);
  });
});

describe("storableText", () => {
  it("names the problem, not the value", () => {
    const result = storableText(z.string()).safeParse("secret\0");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/NUL/);
    expect(JSON.stringify(result.error?.issues)).not.toContain("secret");
  });
});
