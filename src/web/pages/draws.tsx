// Draws: the cut-off over time per stream, invitations per month, the pool distribution on a chosen
// date, a filterable table of every round and its CSV download. Filters live in the URL.
import { useState } from "preact/hooks";
import { streamStats } from "../../draws/analytics.js";
import { frenchLabelsNote } from "../../draws/labels.js";
import { completeRounds, type Round } from "../../draws/round.js";
import { useJson } from "../api.js";
import type { PageProps } from "../app.js";
import { Chart, numberTicks, streamColourScale, yearTicks } from "../charts.js";
import { DateField, SelectField } from "../form.js";
import { formatDate, formatMonth, formatNumber, streamLabel } from "../i18n.js";
import { distributionOn, poolBars } from "../pool.js";
import { hrefFor, setParams } from "../router.js";

interface DrawsResponse {
  count: number;
  rounds: Round[];
}

/** A figure IRCC may have published unreadably: "—" when it could not be read. */
const formatFigure = (lang: Parameters<typeof formatNumber>[0], n: number | null) =>
  n === null ? "—" : formatNumber(lang, n);

/** Invitations per calendar month, months without rounds included as zero. */
export function invitationsByMonth(rounds: readonly Round[]): { month: Date; invitations: number }[] {
  if (rounds.length === 0) return [];
  const totals = new Map<string, number>();
  for (const r of rounds)
    totals.set(r.date.slice(0, 7), (totals.get(r.date.slice(0, 7)) ?? 0) + (r.size ?? 0));
  const months = [...totals.keys()].sort();
  const out: { month: Date; invitations: number }[] = [];
  let [y, m] = (months[0] as string).split("-").map(Number) as [number, number];
  const last = months.at(-1) as string;
  for (;;) {
    const key = `${y}-${String(m).padStart(2, "0")}`;
    out.push({ month: new Date(Date.UTC(y, m - 1, 1)), invitations: totals.get(key) ?? 0 });
    if (key >= last) break;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/**
 * A stream's rounds more than this many days apart are drawn as separate lines: a line across a pause of
 * months or years (CEC from 2015 to 2020) would show cut-offs nobody was invited at.
 */
export const lineBreakDays = 180;

/** Each round's line segment within its stream: a new segment after a pause longer than lineBreakDays. */
export function lineSegments(rounds: readonly Pick<Round, "date" | "stream">[]): string[] {
  const lastDate = new Map<string, string>();
  const segment = new Map<string, number>();
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  return rounds.map((r) => {
    const id = r.stream.id;
    const previous = lastDate.get(id);
    const n = (segment.get(id) ?? 0) + (previous && day(r.date) - day(previous) > lineBreakDays ? 1 : 0);
    segment.set(id, n);
    lastDate.set(id, r.date);
    return `${id}#${n}`;
  });
}

/** Rows shown before "show all": the latest rounds are what most people look for. */
const shortTable = 30;

export default function DrawsPage({ t, lang, url }: PageProps) {
  const [showAll, setShowAll] = useState(false);
  const loaded = useJson<DrawsResponse>("/api/draws");
  const stream = url.searchParams.get("stream") ?? "";
  const from = url.searchParams.get("from") ?? "";
  const to = url.searchParams.get("to") ?? "";

  if (loaded.state === "loading") return <p aria-busy="true">{t("loading")}</p>;
  if (loaded.state === "error") return <p role="alert">{t("error.load")}</p>;

  const all = loaded.data.rounds;
  const latest = all.at(-1)?.date ?? "";
  const poolDate = url.searchParams.get("on") ?? latest;
  const streams = [...new Set(all.map((r) => r.stream.id))].sort((a, b) =>
    streamLabel(t, a).localeCompare(streamLabel(t, b), lang),
  );
  const rounds = all.filter(
    (r) => (!stream || r.stream.id === stream) && (!from || r.date >= from) && (!to || r.date <= to),
  );
  const pool = distributionOn(all, poolDate);
  const csvQuery = new URLSearchParams({ format: "csv" });
  if (stream) csvQuery.set("stream", stream);
  if (from) csvQuery.set("from", from);
  if (to) csvQuery.set("to", to);
  // A round whose cut-off or size could not be read has no point to plot; the table still lists it.
  const plotted = completeRounds(rounds);
  const segments = lineSegments(plotted);
  const points = plotted.map((r, i) => ({
    segment: segments[i],
    date: new Date(`${r.date}T00:00:00Z`),
    cutoff: r.cutoff,
    stream: streamLabel(t, r.stream.id),
    // What the pointer shows: the round, its date, stream, cut-off and size, in the page's language.
    tip: `${t("round.title", { round: r.round })} · ${formatDate(lang, r.date)}\n${streamLabel(t, r.stream.id)}\n${t("col.cutoff")} ${formatNumber(lang, r.cutoff)} · ${t("col.size")} ${formatNumber(lang, r.size)}`,
  }));
  const monthly = invitationsByMonth(rounds);
  const stats = streamStats(rounds);
  const reversed = from !== "" && to !== "" && from > to;
  // No round matches: say why in words, and draw no empty chart frames.
  const emptyText = reversed
    ? t("draws.reversed", { from: formatDate(lang, from), to: formatDate(lang, to) })
    : (() => {
        const period =
          from && to
            ? t("draws.between", { from: formatDate(lang, from), to: formatDate(lang, to) })
            : from
              ? t("draws.since", { date: formatDate(lang, from) })
              : to
                ? t("draws.until", { date: formatDate(lang, to) })
                : "";
        return stream
          ? t("draws.noMatch", { stream: streamLabel(t, stream), period })
          : t("draws.noMatchAny", { period });
      })();

  return (
    <div class="draws">
      <h1>{t("draws.title")}</h1>
      <p class="lead">{t("draws.intro")}</p>
      {lang === "fr" && <p class="hint">{frenchLabelsNote.fr}</p>}

      <form class="card filters" aria-label={t("draws.filters")} onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="stream"
          label={t("draws.stream")}
          value={stream}
          options={[
            ["", t("draws.allStreams")] as const,
            ...streams.map((s) => [s, streamLabel(t, s)] as const),
          ]}
          onChange={(v) => setParams({ stream: v || null })}
        />
        <DateField
          format={t("form.dateFormat")}
          id="from"
          label={t("draws.from")}
          value={from || undefined}
          onChange={(v) => setParams({ from: v ?? null })}
        />
        <DateField
          format={t("form.dateFormat")}
          id="to"
          label={t("draws.to")}
          value={to || undefined}
          error={reversed ? t("draws.toBeforeFrom") : undefined}
          onChange={(v) => setParams({ to: v ?? null })}
        />
        <p>
          <a class="button" href={`/api/draws?${csvQuery}`} download="express-entry-rounds.csv">
            {t("draws.csv")}
          </a>
        </p>
      </form>

      {rounds.length === 0 && (
        <div class="card warning" role="status" data-testid="draws-empty">
          <p>{emptyText}</p>
          <p>
            <button
              type="button"
              class="button secondary"
              onClick={() => setParams({ stream: null, from: null, to: null })}
            >
              {t("draws.clearFilters")}
            </button>
          </p>
        </div>
      )}

      {rounds.length > 0 && (
        <Chart
          id="cutoff"
          title={t("draws.cutoffChart")}
          description={t("draws.cutoffChartDesc")}
          deps={[lang, stream, from, to, all.length]}
          build={(Plot, width) =>
            Plot.plot({
              width,
              height: 360,
              marginLeft: 48,
              color: streamColourScale(
                t,
                rounds.map((r) => r.stream.id),
              ),
              x: { type: "utc", label: null, tickFormat: yearTicks(lang), ticks: "year" },
              // From zero, and inset, so that the lowest cut-offs (75 in 2019) sit above the axis, not on it.
              y: {
                label: t("col.cutoff"),
                grid: true,
                tickFormat: numberTicks(lang),
                domain: [0, Math.max(0, ...plotted.map((r) => r.cutoff))],
                nice: true,
                insetBottom: 6,
              },
              marks: [
                Plot.lineY(points, {
                  x: "date",
                  y: "cutoff",
                  z: "segment",
                  stroke: "stream",
                  strokeOpacity: 0.35,
                }),
                Plot.dot(points, { x: "date", y: "cutoff", fill: "stream", r: 2.5 }),
                Plot.tip(points, Plot.pointer({ x: "date", y: "cutoff", title: "tip" })),
              ],
            })
          }
        />
      )}

      <div class="cards">
        {rounds.length > 0 && (
          <Chart
            id="monthly"
            title={t("draws.monthlyChart")}
            data={{
              label: t("chart.data"),
              columns: [t("draws.month"), t("col.size")],
              rows: monthly.map((m) => [formatMonth(lang, m.month), formatNumber(lang, m.invitations)]),
            }}
            description={t("draws.monthlyChartDesc")}
            deps={[lang, stream, from, to, all.length]}
            build={(Plot, width) =>
              Plot.plot({
                width: Math.min(width, 560),
                height: 280,
                marginLeft: 56,
                x: { type: "utc", label: null, tickFormat: yearTicks(lang), ticks: "year" },
                y: { label: t("col.size"), grid: true, tickFormat: numberTicks(lang) },
                marks: [
                  Plot.rectY(monthly, {
                    x1: "month",
                    x2: (d: { month: Date }) =>
                      new Date(Date.UTC(d.month.getUTCFullYear(), d.month.getUTCMonth() + 1, 1)),
                    y: "invitations",
                    fill: "#26374a",
                    insetLeft: 0.5,
                  }),
                  Plot.ruleY([0]),
                ],
              })
            }
          />
        )}
        <div class="card">
          <DateField
            format={t("form.dateFormat")}
            id="pool-date"
            label={t("draws.poolOn")}
            value={poolDate || undefined}
            onChange={(v) => setParams({ on: v ?? null })}
          />
          {pool ? (
            <Chart
              id="pool"
              bare
              title={t("draws.poolChart", { date: formatDate(lang, pool.asOn) })}
              data={{
                label: t("chart.data"),
                columns: [t("col.range"), t("col.count")],
                rows: poolBars(pool).map((b) => [b.range, formatNumber(lang, b.count)]),
              }}
              description={t("draws.poolChartDesc")}
              deps={[lang, pool.asOn]}
              build={(Plot, width) =>
                Plot.plot({
                  width: Math.min(width, 520),
                  height: 300,
                  marginLeft: 72,
                  x: { label: t("col.count"), grid: true, tickFormat: numberTicks(lang) },
                  y: {
                    label: null,
                    domain: poolBars(pool)
                      .map((b) => b.range)
                      .reverse(),
                  },
                  marks: [
                    Plot.barX(poolBars(pool), { y: "range", x: "count", fill: "#af3c43" }),
                    Plot.ruleX([0]),
                  ],
                })
              }
            />
          ) : (
            <p>{t("draws.poolNone")}</p>
          )}
        </div>
      </div>

      {rounds.length > 0 && (
        <section class="card" aria-labelledby="stats-title">
          <h2 id="stats-title">{t("draws.stats")}</h2>
          <div class="table-wrap">
            <table class="data reflow">
              <thead>
                <tr>
                  <th scope="col">{t("col.stream")}</th>
                  <th scope="col" class="num">
                    {t("draws.rounds")}
                  </th>
                  <th scope="col" class="num">
                    {t("col.size")}
                  </th>
                  <th scope="col" class="num">
                    {t("draws.cutoffRange")}
                  </th>
                  <th scope="col" class="num">
                    {t("draws.median")}
                  </th>
                  <th scope="col" class="num">
                    {t("draws.spacing")}
                  </th>
                  <th scope="col">{t("draws.last")}</th>
                </tr>
              </thead>
              <tbody>
                {stats.map((st) => (
                  <tr key={st.stream}>
                    <td data-label={t("col.stream")}>{streamLabel(t, st.stream)}</td>
                    <td class="num" data-label={t("draws.rounds")}>
                      {formatNumber(lang, st.rounds)}
                    </td>
                    <td class="num" data-label={t("col.size")}>
                      {formatNumber(lang, st.invitations)}
                    </td>
                    <td class="num" data-label={t("draws.cutoffRange")}>
                      {formatFigure(lang, st.minCutoff)}–{formatFigure(lang, st.maxCutoff)}
                    </td>
                    <td class="num" data-label={t("draws.median")}>
                      {formatFigure(lang, st.medianCutoff)}
                    </td>
                    <td class="num" data-label={t("draws.spacing")}>
                      {st.typicalSpacingDays === null
                        ? "—"
                        : t("draws.days", { n: formatNumber(lang, st.typicalSpacingDays) })}
                    </td>
                    <td data-label={t("draws.last")}>{formatDate(lang, st.lastDate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {rounds.length > 0 && (
        <section class="card" aria-labelledby="table-title">
          <h2 id="table-title">
            {t("draws.table")}{" "}
            <small class="hint">{t("draws.count", { n: formatNumber(lang, rounds.length) })}</small>
          </h2>
          <div class="table-wrap">
            <table class="data" data-testid="rounds-table">
              <thead>
                <tr>
                  <th scope="col">{t("col.round")}</th>
                  <th scope="col">{t("col.date")}</th>
                  <th scope="col">{t("col.stream")}</th>
                  <th scope="col" class="num">
                    {t("col.size")}
                  </th>
                  <th scope="col" class="num">
                    {t("col.cutoff")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...rounds]
                  .reverse()
                  .slice(0, showAll ? undefined : shortTable)
                  .map((r) => (
                    <tr key={r.round}>
                      <td>
                        <a href={hrefFor(`/rounds/${r.round}`, lang)}>{r.round}</a>
                      </td>
                      <td>{formatDate(lang, r.date)}</td>
                      <td>{streamLabel(t, r.stream.id)}</td>
                      <td class="num">{formatFigure(lang, r.size)}</td>
                      <td class="num">{formatFigure(lang, r.cutoff)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
          {!showAll && rounds.length > shortTable && (
            <p>
              <button type="button" class="button secondary" onClick={() => setShowAll(true)}>
                {t("draws.showAll", { n: formatNumber(lang, rounds.length) })}
              </button>
            </p>
          )}
        </section>
      )}
    </div>
  );
}
