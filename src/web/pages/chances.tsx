// Your chances: for the calculator's profile, the streams you are eligible for, the next rounds of
// those streams with their cut-off intervals, the probability of an invitation week by week over 26
// weeks (Monte Carlo on the server), and the advisor's ranked actions when that module is available.
import { useEffect, useState } from "preact/hooks";
import type { PublishedAdvice } from "../../advisor/index.js";
import type { ForecastCandidate, ForecastRound, InvitationProbability } from "../../forecast/index.js";
import type { EligibilityReport, Eligible } from "../../occupations/index.js";
import { addDays } from "../../occupations/workHistory.js";
import type { CrsResult } from "../../rules/index.js";
import { postJson } from "../api.js";
import type { PageProps } from "../app.js";
import { Chart, numberTicks, streamColourScale } from "../charts.js";
import { CheckField, DateField } from "../form.js";
import {
  formatDate,
  formatNumber,
  formatPercent,
  type Lang,
  locale,
  type MessageKey,
  messages,
  streamLabel,
  type Translate,
} from "../i18n.js";
import { profileFromParam } from "../profile-state.js";
import { reasonForPage } from "../reasons.js";
import { hrefFor, setParams } from "../router.js";

// The answer's types are the domain modules' own (type-only imports: nothing of them is bundled), so
// the page cannot assume a field the API does not give (a cut-off interval can be unknown: null).
interface ChancesResponse {
  data: { asOf: string; latestRound: string | null; daysBehindToday: number | null; stale: boolean };
  crs: CrsResult;
  eligibility: EligibilityReport;
  candidate: ForecastCandidate;
  forecast: ForecastRound[];
  probability: InvitationProbability;
}

type Answer<T> = { status: "loading" } | { status: "error" } | { status: "ok"; data: T };

/** The API's answer (advice or chances) for the profile in the URL, asked again when the inputs change. */
function useProfileAnswer<T>(
  path: "/api/advice" | "/api/chances",
  param: string | null,
  assume: boolean,
  forecastOn: string | null,
): Answer<T> {
  const [state, setState] = useState<Answer<T>>({ status: "loading" });
  useEffect(() => {
    let live = true;
    setState({ status: "loading" });
    postJson<T>(path, {
      profile: profileFromParam(param),
      assumeUnknownEligible: assume,
      ...(forecastOn ? { asOf: forecastOn } : {}),
    }).then(
      (data) => live && setState({ status: "ok", data }),
      () => live && setState({ status: "error" }),
    );
    return () => {
      live = false;
    };
  }, [path, param, assume, forecastOn]);
  return state;
}

const percent = (lang: Lang, p: number) => formatPercent(lang, p, 1);

function Badge({ t, value }: { t: Translate; value: Eligible }) {
  if (value === "unknown")
    return (
      <span class="badge unknown" title={t("chances.unknownHelp")}>
        {t("chances.unknown")}
      </span>
    );
  return (
    <span class={value ? "badge" : "badge no"}>
      {value ? t("chances.eligibleYes") : t("chances.notEligible")}
    </span>
  );
}

/** What the page reads of POST /api/advice (the answer carries no changed profiles). */
type AdviceResponse = Pick<PublishedAdvice, "probability" | "actions">;

/** The advisor's action in the page's language, from its id (the advisor writes English only). */
function actionText(t: Translate, a: AdviceResponse["actions"][number]): { text: string; english: boolean } {
  const ability = /^retest-(?:first|second)-(listening|reading|writing|speaking)$/.exec(a.id)?.[1];
  if (ability)
    return {
      text: t("advice.retest", { ability: t(`form.${ability}` as MessageKey).toLowerCase() }),
      english: false,
    };
  const education = /^(spouse-)?education-(.+)$/.exec(a.id);
  if (education && `edu.${education[2]}` in messages.en)
    return {
      text: t(education[1] ? "advice.spouseEducation" : "advice.education", {
        level: t(`edu.${education[2]}` as MessageKey),
      }),
      english: false,
    };
  const spouseLanguage = /^spouse-language-clb-(\d+)$/.exec(a.id)?.[1];
  if (spouseLanguage) return { text: t("advice.spouseLanguage", { n: spouseLanguage }), english: false };
  const fixed: Record<string, MessageKey> = {
    "french-nclc-7": "advice.french",
    "work-one-more-year": "advice.work",
    "canadian-work-plus-one": "advice.canadianWork",
    "foreign-work-plus-one": "advice.foreignWork",
    "provincial-nomination": "advice.nomination",
  };
  const key = fixed[a.id];
  return key ? { text: t(key), english: false } : { text: a.description, english: true };
}

function Advice({
  t,
  lang,
  param,
  assume,
  forecastOn,
  undecided,
}: {
  t: Translate;
  lang: Lang;
  param: string | null;
  assume: boolean;
  forecastOn: string | null;
  /** Programs the profile cannot decide: while they are not counted, a change's chance gained is unknown. */
  undecided: readonly string[];
}) {
  const state = useProfileAnswer<AdviceResponse>("/api/advice", param, assume, forecastOn);
  if (state.status === "loading") return <p aria-busy="true">{t("loading")}</p>;
  if (state.status === "error") return <p role="alert">{t("error.load")}</p>;
  const actions = state.data.actions.slice(0, 8);
  if (actions.length === 0) return <p>{t("advice.none")}</p>;
  const points = (p: number) =>
    new Intl.NumberFormat(locale(lang), {
      signDisplay: "always",
      maximumFractionDigits: 1,
    }).format(p * 100);
  // Without the undecided programs counted, a change that would open them shows no gain at all: that is
  // not "no gain", it is unknown.
  const gainUnknown = (gained: number) => !assume && undecided.length > 0 && gained === 0;
  return (
    <div class="table-wrap">
      {!assume && undecided.length > 0 && (
        <p class="hint" data-testid="advice-undecided">
          {t("advice.undecided", { streams: undecided.map((s) => streamLabel(t, s)).join(", ") })}
        </p>
      )}
      <table class="data reflow" data-testid="advice">
        <thead>
          <tr>
            <th scope="col">{t("advice.action")}</th>
            <th scope="col" class="num">
              {t("advice.points")}
            </th>
            <th scope="col" class="num">
              {t("advice.newScore")}
            </th>
            <th scope="col" class="num">
              {t("advice.gain")}
            </th>
            <th scope="col">{t("advice.when")}</th>
          </tr>
        </thead>
        <tbody>
          {actions.map((a) => {
            const { text, english } = actionText(t, a);
            return (
              <tr key={a.id}>
                <td data-label={t("advice.action")}>
                  <span lang={english ? "en" : undefined}>{text}</span>
                  {lang === "en" && a.note && <span class="explain">{a.note}</span>}
                </td>
                <td class="num" data-label={t("advice.points")}>
                  {formatNumber(lang, a.pointsGained)}
                </td>
                <td class="num" data-label={t("advice.newScore")}>
                  {formatNumber(lang, a.newScore)}
                </td>
                <td class="num" data-label={t("advice.gain")}>
                  {gainUnknown(a.probabilityGained)
                    ? t("advice.gainUnknown")
                    : t("advice.percentagePoints", { n: points(a.probabilityGained) })}
                </td>
                <td data-label={t("advice.when")}>{formatDate(lang, a.reachedOn)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export default function ChancesPage({ t, lang, url }: PageProps) {
  const param = url.searchParams.get("p");
  const assume = url.searchParams.get("assume") === "1";
  // The forecast date: the latest round in the data unless one is chosen (to look back in time).
  const forecastOn = url.searchParams.get("forecastOn");
  const state = useProfileAnswer<ChancesResponse>("/api/chances", param, assume, forecastOn);

  const calculatorLink = hrefFor("/", lang, param ? { p: param } : {});
  const header = (
    <>
      <h1>{t("chances.title")}</h1>
      <p class="lead">{t("chances.intro")}</p>
      <p class="hint" data-testid="chances-sent">
        {t("chances.sent")}
      </p>
    </>
  );
  if (state.status === "loading")
    return (
      <>
        {header}
        <p aria-busy="true">{t("chances.loadingLong")}</p>
      </>
    );
  if (state.status === "error")
    return (
      <>
        {header}
        <p role="alert">{t("chances.invalid")}</p>
        {forecastOn && (
          <p>
            <button type="button" class="button secondary" onClick={() => setParams({ forecastOn: null })}>
              {t("chances.latest")}
            </button>
          </p>
        )}
        <p>
          <a class="button" href={calculatorLink}>
            {t("chances.toCalculator")}
          </a>
        </p>
      </>
    );

  const d = state.data;
  const score = d.candidate.score;
  const categories = d.eligibility.categories.filter((c) => c.inForce !== false);
  // Your streams (eligible, or undecided from the profile); when there are none, every stream's next
  // rounds over 8 weeks, so the page still shows where the cut-offs are heading.
  const yours = new Set([...d.candidate.eligibleStreams, ...d.candidate.unknownStreams]);
  const mine = d.forecast.filter((f) => yours.has(f.stream.id));
  const eightWeeks = addDays(d.data.asOf, 56);
  const shown = mine.length ? mine : d.forecast.filter((f) => f.date <= eightWeeks);
  const forecast = shown.map((f) => ({
    ...f,
    label: streamLabel(t, f.stream.id),
    day: new Date(`${f.date}T00:00:00Z`),
  }));
  const weekly = [{ weeks: 0, probability: 0 }, ...d.probability.within];
  const at26 = d.probability.within.at(-1)?.probability ?? 0;

  return (
    <div class="chances">
      {header}
      <div class="forecast-date">
        <DateField
          format={t("form.dateFormat")}
          id="forecast-on"
          label={t("chances.forecastOn")}
          value={d.data.asOf}
          hint={t("chances.forecastOnHelp")}
          onChange={(v) => setParams({ forecastOn: v ?? null })}
        />
        <p class="hint">
          {forecastOn ? null : t("chances.asOf", { date: formatDate(lang, d.data.asOf) })}{" "}
          {!forecastOn && d.data.stale && d.data.daysBehindToday !== null && (
            <strong>{t("chances.stale", { days: formatNumber(lang, d.data.daysBehindToday) })}</strong>
          )}
        </p>
      </div>
      <div class="cards">
        <section class="card" aria-labelledby="score-title">
          <h2 id="score-title">{t("chances.yourScore")}</h2>
          <p class="big" data-testid="chances-score">
            {formatNumber(lang, score)}
          </p>
          <h2>{t("chances.probability")}</h2>
          <p class="big" data-testid="chances-26">
            {percent(lang, at26)}
          </p>
          <p>
            <a href={calculatorLink}>{t("chances.toCalculator")}</a>
          </p>
        </section>
        <section class="card" aria-labelledby="eligible-title" data-testid="eligibility">
          <h2 id="eligible-title">{t("chances.eligible")}</h2>
          <h3>{t("chances.programs")}</h3>
          <ul class="plain">
            {d.eligibility.programs.map((p) => (
              <li key={p.program}>
                {streamLabel(t, p.program)} <Badge t={t} value={p.eligible} />
              </li>
            ))}
          </ul>
          {categories.length > 0 && (
            <>
              <h3>{t("chances.categories")}</h3>
              <ul class="plain">
                {categories.map((c) => (
                  <li key={`${c.category}-${c.version}`}>
                    {/* A category can have two lists in force (one with unconfirmed dates): name the list. */}
                    <span>
                      {streamLabel(t, c.category)}{" "}
                      <small class="version">
                        ({t("chances.categoryList", { year: c.version.slice(0, 4) })}
                        {c.inForce === "unknown" && `, ${t("chances.listDatesUnconfirmed")}`})
                      </small>
                    </span>{" "}
                    <Badge t={t} value={c.eligible} />
                  </li>
                ))}
              </ul>
            </>
          )}
          {(d.candidate.unknownStreams.length > 0 || assume) && (
            <CheckField
              id="assume"
              label={t("chances.assume")}
              checked={assume}
              onChange={(on) => setParams({ assume: on ? "1" : null })}
            />
          )}
          <details>
            <summary>{t("chances.reasons")}</summary>
            <ul lang="en">
              {d.eligibility.programs.flatMap((p) =>
                p.reasons.map((r) => (
                  <li key={`${p.program}${r}`}>{`${p.program.toUpperCase()}: ${reasonForPage(r)}`}</li>
                )),
              )}
            </ul>
          </details>
        </section>
      </div>

      <Chart
        id="probability"
        title={t("chances.probability")}
        description={`${t("chances.probabilityDesc")} ${t("chances.within26", { p: percent(lang, at26) })}`}
        deps={[lang, param, assume, forecastOn]}
        build={(Plot, width) =>
          Plot.plot({
            width,
            height: 280,
            marginLeft: 52,
            x: { label: t("chances.week"), domain: [0, 26], ticks: [0, 2, 4, 8, 12, 16, 20, 26] },
            y: {
              label: t("chances.probability"),
              domain: [0, Math.max(0.1, Math.min(1, at26 * 1.15))],
              grid: true,
              tickFormat: (p: number) => percent(lang, p),
            },
            marks: [
              Plot.areaY(weekly, {
                x: "weeks",
                y: "probability",
                curve: "step-after",
                fill: "#26374a",
                fillOpacity: 0.15,
              }),
              Plot.lineY(weekly, {
                x: "weeks",
                y: "probability",
                curve: "step-after",
                stroke: "#26374a",
                strokeWidth: 2,
              }),
              Plot.ruleY([0]),
            ],
          })
        }
      />
      <div class="visually-hidden">
        <table>
          <caption>{t("chances.probability")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("chances.week")}</th>
              <th scope="col">{t("chances.share")}</th>
            </tr>
          </thead>
          <tbody>
            {d.probability.within.map((w) => (
              <tr key={w.weeks}>
                <td>{w.weeks}</td>
                <td>{percent(lang, w.probability)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <section class="card" aria-labelledby="forecast-title">
        <h2 id="forecast-title">{t("chances.forecast")}</h2>
        {mine.length === 0 && (
          <p>{forecast.length ? t("chances.allStreamsShown") : t("chances.noForecast")}</p>
        )}
        {forecast.length > 0 && (
          <>
            <Chart
              id="forecast"
              bare
              title={t("chances.expectedCutoff")}
              description={`${t("chances.interval")} · ${t("chances.yourScore")} ${formatNumber(lang, score)}`}
              deps={[lang, param, assume, forecastOn]}
              build={(Plot, width) =>
                Plot.plot({
                  width,
                  height: 300,
                  marginLeft: 48,
                  color: streamColourScale(
                    t,
                    forecast.map((f) => f.stream.id),
                  ),
                  x: {
                    type: "utc",
                    label: null,
                    tickFormat: (dd: Date) => formatDate(lang, dd.toISOString()),
                    ticks: 5,
                  },
                  y: {
                    label: t("col.cutoff"),
                    grid: true,
                    tickFormat: numberTicks(lang),
                    // Always show your score's line, even when it is far below or above the cut-offs.
                    domain: [
                      // An unknown interval (no past error to learn it from) is drawn as its median alone.
                      Math.min(score, ...forecast.map((f) => f.cutoff.p10 ?? f.cutoff.p50)) - 10,
                      Math.max(score, ...forecast.map((f) => f.cutoff.p90 ?? f.cutoff.p50)) + 10,
                    ],
                  },
                  marks: [
                    Plot.ruleX(forecast, {
                      x: "day",
                      y1: (f: (typeof forecast)[number]) => f.cutoff.p10,
                      y2: (f: (typeof forecast)[number]) => f.cutoff.p90,
                      stroke: "label",
                      strokeWidth: 3,
                      strokeOpacity: 0.5,
                    }),
                    Plot.dot(forecast, {
                      x: "day",
                      y: (f: (typeof forecast)[number]) => f.cutoff.p50,
                      fill: "label",
                      r: 4,
                    }),
                    Plot.ruleY([score], { stroke: "#af3c43", strokeDasharray: "4,3" }),
                    Plot.text([score], {
                      x: forecast[0]?.day,
                      y: score,
                      text: () => t("chances.yourScore"),
                      dy: -8,
                      textAnchor: "start",
                      fill: "#af3c43",
                    }),
                  ],
                })
              }
            />
            <div class="table-wrap">
              <table class="data reflow" data-testid="forecast">
                <thead>
                  <tr>
                    <th scope="col">{t("chances.expectedDate")}</th>
                    <th scope="col">{t("col.stream")}</th>
                    <th scope="col" class="num">
                      {t("chances.expectedCutoff")}
                    </th>
                    <th scope="col" class="num">
                      {t("chances.interval")}
                    </th>
                    <th scope="col" class="num">
                      {t("col.size")}
                    </th>
                    <th scope="col" class="num">
                      {t("chances.dateConfidence")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {forecast.map((f) => (
                    <tr key={`${f.stream.id}-${f.date}`}>
                      <td data-label={t("chances.expectedDate")}>{formatDate(lang, f.date)}</td>
                      <td data-label={t("col.stream")}>{f.label}</td>
                      <td class="num" data-label={t("chances.expectedCutoff")}>
                        {formatNumber(lang, f.cutoff.p50)}
                      </td>
                      <td class="num" data-label={t("chances.interval")}>
                        {f.cutoff.p10 === null || f.cutoff.p90 === null
                          ? t("chances.unknown")
                          : `${formatNumber(lang, f.cutoff.p10)}–${formatNumber(lang, f.cutoff.p90)}`}
                      </td>
                      <td class="num" data-label={t("col.size")}>
                        {formatNumber(lang, f.size)}
                      </td>
                      <td class="num" data-label={t("chances.dateConfidence")}>
                        {percent(lang, f.dateConfidence)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      {d.probability.likelyRounds.length > 0 && (
        <section class="card" aria-labelledby="likely-title">
          <h2 id="likely-title">{t("chances.likely")}</h2>
          <ul class="plain">
            {d.probability.likelyRounds.slice(0, 5).map((r) => (
              <li key={`${r.stream.id}-${r.index}`}>
                {formatDate(lang, r.typicalDate)} · {streamLabel(t, r.stream.id)} ·{" "}
                {percent(lang, r.probability)}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section class="card" aria-labelledby="advice-title">
        <h2 id="advice-title">{t("chances.advice")}</h2>
        <p class="hint">{t("advice.intro")}</p>
        <Advice
          t={t}
          lang={lang}
          param={param}
          assume={assume}
          forecastOn={forecastOn}
          undecided={d.candidate.unknownStreams}
        />
      </section>
    </div>
  );
}
