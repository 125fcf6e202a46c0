// The French stream names have one source, draws/labels.ts: the web page of a round and the French
// report shown on it must name the stream the same way (they once disagreed on the FST).
import { describe, expect, it } from "vitest";
import { bundledRounds, drawReport, renderReport } from "../draws/index.js";
import { streamLabel, translator } from "./i18n.js";

const rounds = bundledRounds();
const fr = translator("fr");
const en = translator("en");

describe("French stream names", () => {
  it("names the Federal Skilled Trades as the FSW is named: Programme des travailleurs …", () => {
    expect(streamLabel(fr, "fst")).toBe("Programme des travailleurs de métiers spécialisés (fédéral)");
    expect(streamLabel(fr, "fsw")).toBe("Programme des travailleurs qualifiés (fédéral)");
  });

  it("gives round 159 (an FST round, 6 August 2020) the same name on the page and in its French report", () => {
    const report = renderReport(drawReport(rounds, "159"), "fr", "md");
    expect(report).toContain(
      "Ronde propre à un programme : « Programme des travailleurs de métiers spécialisés (fédéral) ».",
    );
    expect(report).toContain(`« ${streamLabel(fr, "fst")} »`);
  });

  it("gives a healthcare category round's page and report the same French name", () => {
    const report = renderReport(drawReport(rounds, "379"), "fr", "md");
    expect(streamLabel(fr, "healthcare-social-services")).toBe(
      "Professions des soins de santé et des services sociaux",
    );
    expect(report).toContain("« Professions des soins de santé et des services sociaux »");
  });

  it("keeps the English page names (title case) and a generic name for an unknown category", () => {
    expect(streamLabel(en, "fst")).toBe("Federal Skilled Trades Program");
    expect(streamLabel(fr, "unrecognized-new-category")).toBe("Catégorie pas encore classée");
    expect(streamLabel(fr, "constructor")).toBe("Catégorie pas encore classée");
  });
});
