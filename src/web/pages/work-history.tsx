// Work history with a NOC 2021 search by title. The NOC table is loaded only when this part of the
// form is opened. NOC titles exist in English only in the bundled data: they are marked lang="en".
import { useEffect, useState } from "preact/hooks";
import type { NocUnitGroup } from "../../occupations/noc.js";
import type { ProfileInput } from "../../profile/schema.js";
import { DateField, NumberField } from "../form.js";
import type { Lang, Translate } from "../i18n.js";

type Period = NonNullable<ProfileInput["workHistory"]>[number];
type NocModule = typeof import("../../occupations/noc.js");

export function WorkHistory(props: {
  t: Translate;
  lang: Lang;
  value: Period[];
  onChange: (v: Period[]) => void;
  /** The form's message for a field path such as "workHistory.0.from", if it has a problem. */
  errorFor: (field: string) => string | undefined;
}) {
  const { t, value, onChange, errorFor } = props;
  const [open, setOpen] = useState(value.length > 0);
  const [noc, setNoc] = useState<NocModule | null>(null);
  const [query, setQuery] = useState("");
  useEffect(() => {
    if (open && !noc) void import("../../occupations/noc.js").then(setNoc);
  }, [open, noc]);
  const matches: NocUnitGroup[] = noc && query.trim().length >= 2 ? noc.searchNoc(query).slice(0, 8) : [];
  const title = (code: string) => noc?.nocByCode(code)?.title ?? "";
  const setPeriod = (i: number, patch: Partial<Period>) =>
    onChange(value.map((p, j) => (j === i ? { ...p, ...patch } : p)));

  return (
    <details
      class="history"
      open={open}
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>{t("form.history")}</summary>
      <p class="hint">{t("form.historyHelp")}</p>
      <div class="field">
        <label for="noc-search">{t("form.nocSearch")}</label>
        <input
          id="noc-search"
          type="search"
          autoComplete="off"
          value={query}
          aria-controls="noc-results"
          onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      {/* Always in the page, empty until there is a query: aria-controls must name an element that exists. */}
      <div id="noc-results" aria-live="polite">
        {query.trim().length >= 2 && (
          <>
            <p class="visually-hidden">{t("form.nocResults")}</p>
            {matches.length === 0 && noc ? <p>{t("form.nocNone")}</p> : null}
            <ul class="noc-list">
              {matches.map((m) => (
                <li key={m.code}>
                  <button
                    type="button"
                    class="link"
                    onClick={() => {
                      onChange([
                        ...value,
                        {
                          noc: m.code,
                          from: "",
                          to: null,
                          hoursPerWeek: 30,
                          country: "CA",
                        } as unknown as Period,
                      ]);
                      setQuery("");
                    }}
                  >
                    <span class="code">{m.code}</span> <span lang="en">{m.title}</span>
                    <span class="visually-hidden"> — {t("form.addJob")}</span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      {value.map((p, i) => (
        <fieldset key={`${p.noc}-${i}`} class="period">
          <legend>
            <span class="code">{p.noc}</span> <span lang="en">{title(p.noc)}</span>
          </legend>
          <div class="row four">
            <DateField
              format={t("form.dateFormat")}
              id={`job-${i}-from`}
              label={t("form.from")}
              value={p.from || undefined}
              error={errorFor(`workHistory.${i}.from`)}
              onChange={(v) => setPeriod(i, { from: v ?? "" })}
            />
            <DateField
              format={t("form.dateFormat")}
              id={`job-${i}-to`}
              label={t("form.to")}
              value={p.to ?? undefined}
              error={errorFor(`workHistory.${i}.to`)}
              onChange={(v) => setPeriod(i, { to: v ?? null })}
            />
            <NumberField
              id={`job-${i}-hours`}
              label={t("form.hours")}
              value={p.hoursPerWeek}
              min={1}
              max={168}
              error={errorFor(`workHistory.${i}.hoursPerWeek`)}
              onChange={(v) => setPeriod(i, { hoursPerWeek: v as number })}
            />
            <div class="field">
              <label for={`job-${i}-country`}>{t("form.country")}</label>
              <input
                id={`job-${i}-country`}
                aria-invalid={errorFor(`workHistory.${i}.country`) ? true : undefined}
                value={p.country}
                maxLength={2}
                autoComplete="country"
                onInput={(e) =>
                  setPeriod(i, { country: (e.currentTarget as HTMLInputElement).value.toUpperCase() })
                }
              />
            </div>
          </div>
          <button
            type="button"
            class="button secondary"
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          >
            {t("form.removeJob")}
          </button>
        </fieldset>
      ))}
    </details>
  );
}
