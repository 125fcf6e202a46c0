// The CRS calculator: the profile form (built from the profile schema's own value lists), the score
// breakdown updating as you type (the engine runs in the browser), each factor explained, and the
// rule set's date with an "as of" date picker. The whole state is in the URL.
import type { ComponentChildren } from "preact";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { addDays } from "../../occupations/workHistory.js";
import { ageOn } from "../../profile/age.js";
import type { FieldProblem } from "../../profile/errors.js";
import { scoreRanges, tefScaleFor, tefScaleStarts } from "../../profile/language-ranges.js";
import {
  abilities,
  canadianEducationLevels,
  educationLevels,
  jobOfferKinds,
  type LanguageResult,
  languageTests,
  type ProfileInput,
  profile as profileSchema,
  spouse as spouseSchema,
  tefScales,
} from "../../profile/schema.js";
import { tefCanada2019 } from "../../rules/data/language-charts.js";
import {
  type CrsResult,
  type LanguageLevels,
  type RuleSet,
  ruleSetFor,
  ruleSets,
  unconfirmedChanges,
} from "../../rules/index.js";
import type { PageProps } from "../app.js";
import { CheckField, DateField, Fieldset, NumberField, SelectField } from "../form.js";
import { formatDate, formatNumber, type Lang, type MessageKey, type Translate } from "../i18n.js";
import {
  evaluate,
  getPath,
  profileFromParam,
  setPath,
  shareableProfile,
  starterProfile,
} from "../profile-state.js";
import { encodeState, hrefFor, setParams } from "../router.js";
import { localizeWarning } from "../warnings.js";
import { WorkHistory } from "./work-history.js";

/** The reported change not yet confirmed by an official text that a score on `date` may be missing. */
const unconfirmedChangeOn = (date: string) => unconfirmedChanges.find((c) => date >= c.from);

export const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

// The number fields' bounds are the profile schema's own, so the form cannot offer what validation refuses.
const rangeOf = (n: { minValue: number | null; maxValue: number | null }) => ({
  min: n.minValue ?? undefined,
  max: n.maxValue ?? undefined,
});
const ageRange = rangeOf(profileSchema.shape.age.unwrap());
const canadianWorkRange = rangeOf(profileSchema.shape.canadianWorkYears.unwrap());
const foreignWorkRange = rangeOf(profileSchema.shape.foreignWorkYears.unwrap());
const spouseWorkRange = rangeOf(spouseSchema.shape.canadianWorkYears.unwrap());
const fundsRange = rangeOf(profileSchema.shape.settlementFundsCad.unwrap());
const familySizeRange = rangeOf(profileSchema.shape.familySize.unwrap());

type LanguageInput = Partial<LanguageResult> & { test: LanguageResult["test"] };

/** The form's message for a field problem: translated, with the allowed values when known. */
function problemText(t: Translate, lang: Lang, p: FieldProblem | undefined): string | undefined {
  if (!p) return undefined;
  const base =
    lang === "en" ? `${p.problem.charAt(0).toUpperCase()}${p.problem.slice(1)}.` : t("form.invalid");
  return p.allowed && lang === "en" ? `${base} ${t("form.allowed", { allowed: p.allowed })}` : base;
}

function LanguageFields(props: {
  id: string;
  legend: string;
  value: LanguageInput;
  onChange: (v: LanguageInput) => void;
  problems: Map<string, FieldProblem>;
  path: string;
  t: Translate;
  lang: Lang;
}) {
  const { id, value, onChange, t, lang, problems, path } = props;
  const scale =
    value.test === "tef"
      ? (value.scale ?? (value.testedOn ? tefScaleFor(value.testedOn) : "2023"))
      : undefined;
  const ranges = scoreRanges(value.test, scale);
  const err = (field: string) => problemText(t, lang, problems.get(`${path}.${field}`));
  return (
    <Fieldset legend={props.legend} class="language">
      <div class="row">
        <SelectField
          id={`${id}-test`}
          label={t("form.test")}
          value={value.test}
          options={languageTests.map((k) => [k, t(`test.${k}` as MessageKey)] as const)}
          onChange={(test) => onChange({ ...value, test })}
          error={err("test")}
        />
        <DateField
          format={t("form.dateFormat")}
          id={`${id}-date`}
          label={t("form.testedOn")}
          value={value.testedOn}
          onChange={(testedOn) => onChange({ ...value, testedOn })}
          error={err("testedOn")}
        />
      </div>
      {value.test === "tef" && (
        <SelectField
          id={`${id}-scale`}
          label={t("form.tefScale")}
          value={value.scale ?? ""}
          options={[["", t("form.tefScaleAuto")] as const, ...tefScaleOptions(t, lang)]}
          onChange={(scale) => onChange({ ...value, scale: scale || undefined })}
          error={err("scale")}
        />
      )}
      {value.test === "tef" && <SourceNote t={t} source={tefCanada2019.source} />}
      <div class="row four">
        {abilities.map((a) => {
          const r = ranges[a];
          const hint =
            r.step === 1
              ? t("form.range", { min: r.min, max: r.max })
              : t("form.rangeStep", {
                  min: r.min,
                  max: r.max,
                  step: String(r.step).replace(".", lang === "fr" ? "," : "."),
                });
          return (
            <NumberField
              key={a}
              id={`${id}-${a}`}
              label={t(`form.${a}` as MessageKey)}
              value={value[a]}
              min={r.min}
              max={r.max}
              step={r.step}
              hint={hint}
              error={err(a)}
              onChange={(n) => onChange({ ...value, [a]: n })}
            />
          );
        })}
      </div>
    </Fieldset>
  );
}

function levelsText(t: Translate, l: LanguageLevels): string {
  return abilities
    .map((a) => {
      const n = l.levels[a];
      const level = n < 4 ? t("level.below") : t(l.language === "french" ? "level.nclc" : "level.clb", { n });
      return `${t(`form.${a}` as MessageKey).toLowerCase()} ${level}`;
    })
    .join(", ");
}

interface Line {
  factor: MessageKey;
  points: number;
  explanation: string;
  /** Where the rule the explanation states comes from (the rule set's own source text). */
  source?: string;
}

interface Section {
  section: MessageKey;
  subtotal: number;
  lines: Line[];
  note?: string;
  noteSource?: string;
}

/** The TEF Canada scales, each named by the dates it applies to (profile's tefScaleStarts, not prose). */
export function tefScaleOptions(t: Translate, lang: Lang) {
  const date = (iso: string) => formatDate(lang, iso);
  const labels: Record<(typeof tefScales)[number], string> = {
    legacy: t("form.tefScale.legacy", { date: date(tefScaleStarts["2019"]) }),
    "2019": t("form.tefScale.2019", {
      from: date(tefScaleStarts["2019"]),
      to: date(addDays(tefScaleStarts["2023"], -1)),
    }),
    "2023": t("form.tefScale.2023", { date: date(tefScaleStarts["2023"]) }),
  };
  return tefScales.map((k) => [k, labels[k]] as const);
}

/**
 * The highest score a rule set allows: the most age, education, first-language (four abilities) and
 * Canadian-work points and the second-language cap, in the column without a spouse (with one, the
 * spouse's own points make up the same core total), then the transferability and additional caps.
 */
export function maxTotal(rules: RuleSet): number {
  const most = (values: readonly { withoutSpouse: number }[]) =>
    Math.max(...values.map((v) => v.withoutSpouse));
  const { core, transferability, additional } = rules;
  const coreMost =
    most(core.age.rows) +
    most(Object.values(core.education.rows)) +
    4 * most(core.firstLanguage.rows) +
    core.secondLanguage.capWithoutSpouse +
    most(core.canadianWork.rows);
  return coreMost + transferability.cap + additional.cap;
}

/** "Source:" and the rule's source as the data words it (in English, so marked as such). */
function SourceNote({ t, source }: { t: Translate; source: string }) {
  return (
    <span class="explain source">
      {t("calc.source")} <cite lang="en">{source}</cite>
    </span>
  );
}

/**
 * The facts of the grid the explanations state, read from the rule set in force: the ages of the most
 * age points and the age from which there are none, the skill-transferability caps, with their sources.
 */
export function ruleFacts(rules: RuleSet, withSpouse: boolean) {
  const column = withSpouse ? "withSpouse" : "withoutSpouse";
  const ages = rules.core.age.rows;
  const most = Math.max(...ages.map((band) => band[column]));
  const best = ages.filter((band) => band[column] === most);
  const bestFrom = best[0]!.from;
  const bestTo = best.at(-1)!.to ?? bestFrom;
  // The first band past the best ages that gives nothing (every later band gives nothing either).
  const noneFrom = ages.find((band) => band.from > bestTo && band[column] === 0)?.from ?? ages.at(-1)!.from;
  return {
    age: { bestFrom, bestTo, noneFrom, source: rules.core.age.source },
    transferability: {
      bucketCap: rules.transferability.bucketCap,
      cap: rules.transferability.cap,
      source: rules.transferability.source,
    },
  };
}

/** The breakdown, section by section, with explanations written from the result's numbers. */
function breakdown(t: Translate, r: CrsResult, input: ProfileInput): Section[] {
  const { first, second, spouse } = r.languages;
  const none = t("explain.none");
  // A factor explained only when it earns points (its points are read once, so the two cannot differ).
  const earned = (factor: MessageKey, points: number, explanation: MessageKey): Line => ({
    factor,
    points,
    explanation: points > 0 ? t(explanation) : none,
  });
  const columns = r.withSpouse ? t("explain.spouseColumns") : t("explain.singleColumns");
  const facts = ruleFacts(ruleSetFor(r.assessedOn), r.withSpouse);
  const sections: Section[] = [
    {
      section: "section.core",
      subtotal: r.core.subtotal,
      note: columns,
      lines: [
        {
          factor: "factor.age",
          points: r.core.age,
          explanation: t("explain.age", {
            // The age scored: worked out from the date of birth when one is given.
            age: input.birthDate ? ageOn(input.birthDate, r.assessedOn) : (input.age ?? ""),
            bestFrom: facts.age.bestFrom,
            bestTo: facts.age.bestTo,
            noneFrom: facts.age.noneFrom,
          }),
          source: facts.age.source,
        },
        {
          factor: "factor.education",
          points: r.core.education,
          explanation: t("explain.education", { level: t(`edu.${input.education}` as MessageKey) }),
        },
        {
          factor: "factor.firstLanguage",
          points: r.core.firstLanguage,
          explanation: t("explain.language", {
            test: t(`test.${first.test}` as MessageKey),
            levels: levelsText(t, first),
          }),
        },
        {
          factor: "factor.secondLanguage",
          points: r.core.secondLanguage,
          explanation: second
            ? t("explain.language", {
                test: t(`test.${second.test}` as MessageKey),
                levels: levelsText(t, second),
              })
            : t("explain.noSecond"),
        },
        {
          factor: "factor.canadianWork",
          points: r.core.canadianWork,
          explanation: t("explain.canadianWork", { years: input.canadianWorkYears ?? 0 }),
        },
      ],
    },
    {
      section: "section.spouse",
      subtotal: r.spouse.subtotal,
      lines: r.withSpouse
        ? [
            {
              factor: "factor.spouseEducation",
              points: r.spouse.education,
              explanation: input.spouse?.education
                ? t(`edu.${input.spouse.education}` as MessageKey)
                : t("form.notGiven"),
            },
            {
              factor: "factor.spouseLanguage",
              points: r.spouse.firstLanguage,
              explanation: spouse
                ? t("explain.language", {
                    test: t(`test.${spouse.test}` as MessageKey),
                    levels: levelsText(t, spouse),
                  })
                : t("form.notGiven"),
            },
            {
              factor: "factor.spouseWork",
              points: r.spouse.canadianWork,
              explanation: t("explain.canadianWork", { years: input.spouse?.canadianWorkYears ?? 0 }),
            },
          ]
        : [{ factor: "section.spouse", points: 0, explanation: t("explain.noSpouse") }],
    },
    {
      section: "section.transferability",
      subtotal: r.transferability.subtotal,
      note: `${t("explain.transfer", { bucketCap: facts.transferability.bucketCap })} ${t("section.capNote", { cap: facts.transferability.cap })}`,
      noteSource: facts.transferability.source,
      lines: [
        earned("factor.transferEducation", r.transferability.education, "explain.transferEducation"),
        earned("factor.transferForeign", r.transferability.foreignWork, "explain.transferForeign"),
        earned("factor.transferCertificate", r.transferability.certificate, "explain.transferCertificate"),
      ],
    },
    {
      section: "section.additional",
      subtotal: r.additional.subtotal,
      lines: [
        earned("factor.pnp", r.additional.provincialNomination, "explain.pnp"),
        {
          factor: "factor.jobOffer",
          points: r.additional.jobOffer,
          explanation:
            input.jobOffer && input.jobOffer !== "none"
              ? `${t(`job.${input.jobOffer}` as MessageKey)}. ${t("explain.jobOffer")}`
              : none,
        },
        earned("factor.canadianEducation", r.additional.canadianEducation, "explain.canadianEducation"),
        earned("factor.french", r.additional.french, "explain.french"),
        earned("factor.sibling", r.additional.sibling, "explain.sibling"),
      ],
    },
  ];
  return sections;
}

function Breakdown({
  t,
  lang,
  result,
  input,
}: {
  t: Translate;
  lang: Lang;
  result: CrsResult;
  input: ProfileInput;
}) {
  return (
    <div class="breakdown">
      {breakdown(t, result, input).map((s) => (
        <section key={s.section} aria-labelledby={`h-${s.section}`}>
          <h3 id={`h-${s.section}`}>
            <span>{t(s.section)}</span>
            <span class="points" data-testid={`subtotal-${s.section}`}>
              {formatNumber(lang, s.subtotal)}
            </span>
          </h3>
          {s.note && (
            <p class="note">
              {s.note} {s.noteSource && <SourceNote t={t} source={s.noteSource} />}
            </p>
          )}
          <table>
            <caption class="visually-hidden">{t(s.section)}</caption>
            <tbody>
              {s.lines.map((l) => (
                <tr key={l.factor}>
                  <th scope="row">
                    {t(l.factor)}
                    <span class="explain">{l.explanation}</span>
                    {l.source && <SourceNote t={t} source={l.source} />}
                  </th>
                  <td class="points">{formatNumber(lang, l.points)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}

/**
 * The profile form: every answer of a profile, from the schema's own value lists, each field with its
 * problem. Shared by the calculator (answers in the URL) and the clients page (answers kept in memory: a
 * client's profile never goes into a URL); `children` go at the end of the form (its buttons).
 */
export function ProfileForm(props: {
  input: ProfileInput;
  onChange: (next: ProfileInput) => void;
  problems: Map<string, FieldProblem>;
  /** The date a new second-language result defaults to. */
  asOf: string;
  label: string;
  t: Translate;
  lang: Lang;
  /** Whose profile the form holds: the person using the calculator, or a consultant's client. */
  person?: "you" | "client";
  /** The date-of-birth field's hint, when the page keeps the date in its own way (the calculator). */
  birthDateHint?: string;
  onSubmit?: () => void;
  children?: ComponentChildren;
}) {
  const { input, problems, asOf, t, lang } = props;
  const err = (field: string) => problemText(t, lang, problems.get(field));
  const update = (path: string, value: unknown) => props.onChange(setPath(input, path, value));
  const num = (path: string) => getPath(input, path) as number | undefined;
  const bool = (path: string) => Boolean(getPath(input, path));
  const options = <K extends string>(keys: readonly K[], prefix: string) =>
    keys.map((k) => [k, t(`${prefix}.${k}` as MessageKey)] as const);
  const spouse = input.spouse;
  return (
    <form
      class="profile-form"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit?.();
      }}
      aria-label={props.label}
    >
      <Fieldset legend={t(props.person === "client" ? "form.theClient" : "form.you")}>
        <div class="row">
          <NumberField
            id="age"
            label={t("form.age")}
            value={num("age")}
            {...ageRange}
            error={err("age")}
            onChange={(v) => update("age", v)}
          />
          <DateField
            format={t("form.dateFormat")}
            id="birthDate"
            label={t("form.birthDate")}
            hint={props.birthDateHint ?? t("form.birthDateHint")}
            value={input.birthDate}
            error={err("birthDate")}
            onChange={(v) => update("birthDate", v)}
          />
        </div>
        <SelectField
          id="education"
          label={t("form.education")}
          value={input.education}
          options={
            // A new client's form starts with no answer: the select says so rather than show a level.
            input.education === undefined
              ? [["", t("form.choose")] as const, ...options(educationLevels, "edu")]
              : options(educationLevels, "edu")
          }
          error={err("education")}
          onChange={(v) => update("education", v || undefined)}
        />
        <SelectField
          id="canadianEducation"
          label={t("form.canadianEducation")}
          value={input.canadianEducation ?? "none"}
          options={options(canadianEducationLevels, "caned")}
          onChange={(v) => update("canadianEducation", v)}
        />
      </Fieldset>

      <LanguageFields
        id="first"
        legend={t("form.firstLanguage")}
        value={input.firstLanguage as LanguageInput}
        onChange={(v) => update("firstLanguage", v)}
        problems={problems}
        path="firstLanguage"
        t={t}
        lang={lang}
      />
      <CheckField
        id="has-second"
        label={t("form.addSecondLanguage")}
        checked={Boolean(input.secondLanguage)}
        onChange={(on) =>
          update(
            "secondLanguage",
            on
              ? { test: "tef", testedOn: asOf, listening: 0, reading: 0, writing: 0, speaking: 0 }
              : undefined,
          )
        }
      />
      {input.secondLanguage && (
        <LanguageFields
          id="second"
          legend={t("form.secondLanguage")}
          value={input.secondLanguage as LanguageInput}
          onChange={(v) => update("secondLanguage", v)}
          problems={problems}
          path="secondLanguage"
          t={t}
          lang={lang}
        />
      )}

      <Fieldset legend={t("form.work")}>
        <div class="row">
          <NumberField
            id="canadianWorkYears"
            label={t("form.canadianWorkYears")}
            value={num("canadianWorkYears") ?? 0}
            {...canadianWorkRange}
            error={err("canadianWorkYears")}
            onChange={(v) => update("canadianWorkYears", v)}
          />
          <NumberField
            id="foreignWorkYears"
            label={t("form.foreignWorkYears")}
            value={num("foreignWorkYears") ?? 0}
            {...foreignWorkRange}
            error={err("foreignWorkYears")}
            onChange={(v) => update("foreignWorkYears", v)}
          />
        </div>
        <CheckField
          id="certificate"
          label={t("form.certificate")}
          checked={bool("certificateOfQualification")}
          onChange={(v) => update("certificateOfQualification", v)}
        />
      </Fieldset>

      <Fieldset legend={t("form.additional")}>
        <SelectField
          id="jobOffer"
          label={t("form.jobOffer")}
          value={input.jobOffer ?? "none"}
          options={options(jobOfferKinds, "job")}
          onChange={(v) => update("jobOffer", v)}
        />
        <CheckField
          id="pnp"
          label={t("form.provincialNomination")}
          checked={bool("provincialNomination")}
          onChange={(v) => update("provincialNomination", v)}
        />
        <CheckField
          id="sibling"
          label={t("form.sibling")}
          checked={bool("siblingInCanada")}
          onChange={(v) => update("siblingInCanada", v)}
        />
      </Fieldset>

      {/* FSW and FST need proof of funds for the family: without these two answers they cannot be decided. */}
      <Fieldset legend={t("form.funds")}>
        <p class="hint">{t("form.fundsHelp")}</p>
        <div class="row">
          <NumberField
            id="settlementFundsCad"
            label={t("form.settlementFunds")}
            value={num("settlementFundsCad")}
            {...fundsRange}
            error={err("settlementFundsCad")}
            onChange={(v) => update("settlementFundsCad", v)}
          />
          <NumberField
            id="familySize"
            label={t("form.familySize")}
            hint={t("form.familySizeHint")}
            value={num("familySize")}
            {...familySizeRange}
            error={err("familySize")}
            onChange={(v) => update("familySize", v)}
          />
        </div>
      </Fieldset>

      <Fieldset legend={t("form.spouseSection")}>
        <CheckField
          id="has-spouse"
          label={t("form.hasSpouse")}
          checked={Boolean(spouse)}
          onChange={(on) =>
            update(
              "spouse",
              on ? { accompanying: true, canadianCitizenOrPR: false, canadianWorkYears: 0 } : undefined,
            )
          }
        />
        {spouse && (
          <div class="nested">
            <CheckField
              id="spouse-accompanying"
              label={t("form.spouseAccompanying")}
              checked={spouse.accompanying ?? true}
              onChange={(v) => update("spouse.accompanying", v)}
            />
            <CheckField
              id="spouse-citizen"
              label={t("form.spouseCitizen")}
              checked={spouse.canadianCitizenOrPR ?? false}
              onChange={(v) => update("spouse.canadianCitizenOrPR", v)}
            />
            <SelectField
              id="spouse-education"
              label={t("form.spouseEducation")}
              value={spouse.education ?? ""}
              options={[["", t("form.notGiven")] as const, ...options(educationLevels, "edu")]}
              onChange={(v) => update("spouse.education", v || undefined)}
            />
            <NumberField
              id="spouse-work"
              label={t("form.spouseWork")}
              value={spouse.canadianWorkYears ?? 0}
              {...spouseWorkRange}
              error={err("spouse.canadianWorkYears")}
              onChange={(v) => update("spouse.canadianWorkYears", v)}
            />
            <CheckField
              id="spouse-has-language"
              label={t("form.spouseHasLanguage")}
              checked={Boolean(spouse.firstLanguage)}
              onChange={(on) =>
                update(
                  "spouse.firstLanguage",
                  on ? { test: "ielts", listening: 0, reading: 0, writing: 0, speaking: 0 } : undefined,
                )
              }
            />
            {spouse.firstLanguage && (
              <LanguageFields
                id="spouse-language"
                legend={t("form.spouseLanguage")}
                value={spouse.firstLanguage as LanguageInput}
                onChange={(v) => update("spouse.firstLanguage", v)}
                problems={problems}
                path="spouse.firstLanguage"
                t={t}
                lang={lang}
              />
            )}
          </div>
        )}
      </Fieldset>

      <WorkHistory
        t={t}
        lang={lang}
        value={input.workHistory ?? []}
        errorFor={err}
        onChange={(v) => update("workHistory", v.length ? v : undefined)}
      />

      {props.children}
    </form>
  );
}

export function Calculator({ t, lang, url }: PageProps) {
  const param = url.searchParams.get("p");
  const fromUrl = useMemo(() => profileFromParam(param), [param]);
  const asOf = url.searchParams.get("asOf") ?? localToday();
  const [copied, setCopied] = useState(false);
  // The date of birth is kept here, in the page's memory, never in the URL (see shareableProfile): the URL has
  // the age it gives on the assessment date. Leaving the page forgets it; the age stays.
  const [remembered, setRemembered] = useState<string | undefined>(fromUrl.birthDate);
  // The `p` this page last wrote. The date of birth goes with that profile only: a profile put in the URL by
  // other means (Start over, back and forward, a link) is somebody's answers without it.
  const written = useRef<string | null>(param);
  const birthDate = param === written.current ? remembered : undefined;
  useEffect(() => {
    if (birthDate === undefined && fromUrl.birthDate === undefined) setRemembered(undefined);
  }, [birthDate, fromUrl]);
  /** Puts the profile in the URL (the age in place of the date of birth), noting that this page wrote it. */
  const writeProfile = (profile: typeof fromUrl, extra: Record<string, string | null> = {}) => {
    written.current = encodeState(profile);
    setParams({ ...extra, p: written.current });
  };
  // A link written before the date of birth was kept out of the URL: take the date into memory, and rewrite
  // the address (replacing this history entry) with the age instead.
  useEffect(() => {
    if (fromUrl.birthDate === undefined) return;
    setRemembered(fromUrl.birthDate);
    writeProfile(shareableProfile(fromUrl, asOf));
  }, [fromUrl, asOf]);
  const input = useMemo(
    () => (birthDate === undefined || fromUrl.birthDate !== undefined ? fromUrl : { ...fromUrl, birthDate }),
    [fromUrl, birthDate],
  );
  /** The profile's answers into the URL: the age in place of the date of birth, which stays in memory. */
  const keep = (next: typeof input) => {
    setCopied(false);
    if (next.birthDate !== birthDate) {
      // The date of birth was changed (or cleared): the URL gets the age it gives on the date.
      setRemembered(next.birthDate);
      writeProfile(shareableProfile(next, asOf));
      return;
    }
    // Another answer (the age itself included): the URL gets the answers as they are, without the date.
    const { birthDate: _inMemory, ...rest } = next;
    writeProfile(rest);
  };
  const evaluation = useMemo(() => evaluate(input, asOf), [input, asOf]);
  const problems = new Map<string, FieldProblem>(
    evaluation.ok ? [] : evaluation.problems.map((p) => [p.field, p]),
  );
  const err = (field: string) => problemText(t, lang, problems.get(field));

  const result = evaluation.ok ? evaluation.result : null;
  // The incompleteness notice is shown once, on its own; the other warnings are listed.
  const warnings = result ? result.warnings.filter((w) => w !== result.incompleteReason) : [];

  return (
    <div class="calculator">
      <h1>{t("calc.title")}</h1>
      <p class="lead">{t("calc.intro")}</p>
      <p class="hint" data-testid="calc-privacy">
        {t("calc.privacy")}
      </p>
      <div class="calc-grid">
        <ProfileForm
          input={input}
          onChange={keep}
          problems={problems}
          asOf={asOf}
          label={t("calc.title")}
          birthDateHint={`${t("form.birthDateHint")} ${t("calc.birthDateKept")}`}
          t={t}
          lang={lang}
        >
          <p>
            <a class="button secondary" href={hrefFor("/", lang, { p: encodeState(starterProfile) })}>
              {t("calc.reset")}
            </a>
          </p>
        </ProfileForm>

        {/* On small screens the breakdown is below the form: the score stays in view at the bottom. */}
        <div class="mobile-score" aria-hidden="true">
          <span>{t("calc.total")}</span> <strong>{result ? formatNumber(lang, result.total) : "—"}</strong>
        </div>
        <aside class="result" aria-labelledby="score-heading">
          <div class="score-card">
            <DateField
              format={t("form.dateFormat")}
              id="asOf"
              label={t("calc.asOf")}
              value={asOf}
              hint={t("calc.asOfHelp")}
              error={err("assessedOn")}
              onChange={(v) =>
                // With a date of birth, the age in the URL is the one on the new date.
                birthDate === undefined
                  ? setParams({ asOf: v ?? null })
                  : writeProfile(shareableProfile(input, v ?? localToday()), { asOf: v ?? null })
              }
            />
            <h2 id="score-heading">{t("calc.total")}</h2>
            <output class="total" aria-live="polite" data-testid="crs-total" for="age education">
              {result ? formatNumber(lang, result.total) : "—"}
            </output>
            <span class="of">
              {t("calc.totalOf", {
                max: formatNumber(lang, maxTotal(result ? ruleSetFor(result.assessedOn) : ruleSets.at(-1)!)),
              })}
            </span>
            {result && (
              <p class="rule-set">
                {t("calc.ruleSet", { date: formatDate(lang, result.ruleSet.effectiveFrom) })}
              </p>
            )}
            {!result && (
              <p class="error" role="alert">
                {t("calc.fix")}
              </p>
            )}
            {result?.mayBeIncomplete && (
              <p class="warning" role="note">
                <strong>{t("calc.incomplete")}</strong>{" "}
                {t("calc.incompleteBecause", {
                  date: formatDate(lang, unconfirmedChangeOn(result.assessedOn)?.from ?? result.assessedOn),
                  ruleSet: formatDate(lang, result.ruleSet.effectiveFrom),
                })}
              </p>
            )}
            {warnings.length > 0 && (
              <div class="warning" role="note">
                <strong>{t("calc.warnings")}</strong>
                <ul>
                  {warnings.map((w) => {
                    const shown = localizeWarning(t, lang, w);
                    return (
                      <li key={w} lang={shown.english && lang !== "en" ? "en" : undefined}>
                        {shown.text}
                      </li>
                    );
                  })}
                </ul>
              </div>
            )}
            <button
              type="button"
              class="button"
              onClick={() => {
                void navigator.clipboard?.writeText(location.href).then(
                  () => setCopied(true),
                  () => setCopied(false),
                );
              }}
            >
              {copied ? t("calc.copied") : t("calc.share")}
            </button>
          </div>
          {result && <Breakdown t={t} lang={lang} result={result} input={input} />}
          {result && (
            <details class="sources">
              <summary>{t("calc.ruleSetSources")}</summary>
              <ul lang="en">
                {result.ruleSet.sources.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            </details>
          )}
        </aside>
      </div>
    </div>
  );
}
