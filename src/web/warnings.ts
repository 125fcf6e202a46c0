// The CRS engine's warnings are written in English for the CLI; the web app says the known ones in
// the page's language, naming the form's section instead of the field's code name. A warning it does
// not know is shown as written, marked as English.
import { tcfCanadaDesignatedFrom, tefScaleStarts } from "../profile/language-ranges.js";
import { formatDate, formatMonth, type Lang, type MessageKey, type Translate } from "./i18n.js";

const fieldLabels: Record<string, MessageKey> = {
  firstLanguage: "form.firstLanguage",
  secondLanguage: "form.secondLanguage",
  "spouse.firstLanguage": "form.spouseLanguage",
};

export interface ShownWarning {
  text: string;
  /** True when the engine's English text is shown as is. */
  english: boolean;
}

export function localizeWarning(t: Translate, lang: Lang, warning: string): ShownWarning {
  const field = /^([\w.]+): /.exec(warning)?.[1] ?? "";
  const section = fieldLabels[field] ? t(fieldLabels[field]) : field;
  // The figures these sentences state come from the engine's message or the profile module's dates
  // (each sourced there), never from the translation.
  const old =
    /the (\S+) result of (\d{4}-\d{2}-\d{2}) is more than (\d+) years old on (\d{4}-\d{2}-\d{2})/.exec(
      warning,
    );
  if (old)
    return {
      text: t("warn.old", {
        section,
        date: formatDate(lang, old[2]!),
        years: old[3]!,
        on: formatDate(lang, old[4]!),
      }),
      english: false,
    };
  const after =
    /the (\S+) test \((\d{4}-\d{2}-\d{2})\) is dated after the assessment date (\d{4}-\d{2}-\d{2})/.exec(
      warning,
    );
  if (after) return { text: t("warn.after", { section, date: formatDate(lang, after[2]!) }), english: false };
  if (/TCF Canada was designated for Express Entry in/.test(warning))
    return {
      text: t("warn.tcf", { section, since: monthOf(lang, tcfCanadaDesignatedFrom) }),
      english: false,
    };
  const tef = /read on the (\w+) scale .* the lowest would be (NCLC \d+|below NCLC \d+)/.exec(warning);
  if (tef)
    return {
      text: t("warn.tefScale", {
        section,
        date: formatDate(lang, tefScaleStarts["2019"]),
        level: tef[2]!.replace("below", lang === "fr" ? "sous" : "below"),
      }),
      english: false,
    };
  return { text: warning, english: true };
}

/** The month of a date the source gives without its day (profile's tcfCanadaDesignatedFrom). */
function monthOf(lang: Lang, iso: string): string {
  return formatMonth(lang, new Date(`${iso.slice(0, 10)}T12:00:00Z`));
}
