// One round of invitations: its facts, the pool distribution with the cut-off marked, the stream's
// cut-offs up to this round, and its report (written by the draws module, in the page's language).
import type { DrawReport, Round } from "../../draws/index.js";
import { useJson, useText } from "../api.js";
import type { PageProps } from "../app.js";
import { Chart, numberTicks, yearTicks } from "../charts.js";
import { formatDate, formatNumber, type Lang, locale, streamLabel } from "../i18n.js";
import { Markdown } from "../markdown.js";
import { poolBars } from "../pool.js";
import { hrefFor } from "../router.js";

const formatTime = (lang: Lang, iso: string) =>
  new Intl.DateTimeFormat(locale(lang), {
    dateStyle: "long",
    timeStyle: "medium",
    timeZone: "UTC",
  }).format(new Date(iso));

export default function RoundPage({ t, lang, route }: PageProps) {
  const id = route.round ?? "";
  const report = useJson<DrawReport>(`/api/rounds/${id}/report?format=json&lang=${lang}`);
  const all = useJson<{ rounds: Round[] }>("/api/draws");
  const markdown = useText(`/api/rounds/${id}/report?format=md&lang=${lang}`);

  if (report.state === "loading") return <p aria-busy="true">{t("loading")}</p>;
  if (report.state === "error") {
    const listed = all.state === "ok" ? all.data.rounds.find((x) => x.round === id) : undefined;
    return (
      <>
        <h1>{t("round.title", { round: id })}</h1>
        <p role="alert">{t(listed?.incomplete ? "round.incomplete" : "round.notFound", { round: id })}</p>
        <p>
          <a href={hrefFor("/draws", lang)}>{t("draws.allRounds")}</a>
        </p>
      </>
    );
  }
  const r = report.data;
  const rounds = all.state === "ok" ? all.data.rounds : [];
  const index = rounds.findIndex((x) => x.round === r.round);
  const previous = index > 0 ? rounds[index - 1] : undefined;
  const next = index >= 0 ? rounds[index + 1] : undefined;
  const history = rounds
    .slice(0, index + 1)
    // A round whose cut-off could not be read has no point on the line.
    .filter((x) => x.stream.id === r.stream.id && x.cutoff !== null)
    .map((x) => ({ date: new Date(`${x.date}T00:00:00Z`), cutoff: x.cutoff, current: x.round === r.round }));
  const english = [r.name, r.programs, ...r.recentRounds.map((x) => x.name)];

  return (
    <article class="round">
      <p>
        <a href={hrefFor("/draws", lang)}>← {t("draws.allRounds")}</a>
      </p>
      <h1>{t("round.title", { round: r.round })}</h1>
      <p class="lead">
        {formatDate(lang, r.date)} · {streamLabel(t, r.stream.id)}
      </p>
      <div class="cards">
        <section class="card" aria-labelledby="facts">
          <h2 id="facts" class="visually-hidden">
            {t("round.title", { round: r.round })}
          </h2>
          <dl class="facts">
            <dt>{t("round.cutoff")}</dt>
            <dd class="big" data-testid="round-cutoff">
              {formatNumber(lang, r.cutoff)}
            </dd>
            <dt>{t("round.size")}</dt>
            <dd class="big">{formatNumber(lang, r.size)}</dd>
            <dt>{t("round.date")}</dt>
            <dd>{formatDate(lang, r.date)}</dd>
            <dt>{t("round.stream")}</dt>
            <dd>{streamLabel(t, r.stream.id)}</dd>
            <dt>{t("round.tieBreak")}</dt>
            <dd>{r.tieBreakAt ? `${formatTime(lang, r.tieBreakAt)} UTC` : t("round.tieBreakNone")}</dd>
          </dl>
        </section>
        {r.distribution ? (
          <Chart
            id="round-pool"
            title={t("round.pool", { date: formatDate(lang, r.distribution.asOn) })}
            data={{
              label: t("chart.data"),
              columns: [t("col.range"), t("col.count")],
              rows: poolBars(r.distribution).map((b) => [b.range, formatNumber(lang, b.count)]),
            }}
            description={t("round.poolDesc")}
            deps={[lang, r.round]}
            build={(Plot, width) => {
              const bars = poolBars(r.distribution!).map((b) => ({ ...b, invited: b.from > r.cutoff }));
              return Plot.plot({
                width: Math.min(width, 560),
                height: 300,
                marginLeft: 72,
                color: { domain: [true, false], range: ["#af3c43", "#9aa5b1"] },
                x: { label: t("col.count"), grid: true, tickFormat: numberTicks(lang) },
                y: { label: null, domain: bars.map((b) => b.range).reverse() },
                marks: [Plot.barX(bars, { y: "range", x: "count", fill: "invited" }), Plot.ruleX([0])],
              });
            }}
          />
        ) : (
          <section class="card">
            <p>{t("round.poolNone")}</p>
          </section>
        )}
      </div>
      {history.length > 1 && (
        <Chart
          id="round-history"
          title={t("round.history")}
          description={t("round.historyDesc")}
          deps={[lang, r.round, history.length]}
          build={(Plot, width) =>
            Plot.plot({
              width,
              height: 260,
              marginLeft: 48,
              x: { type: "utc", label: null, tickFormat: yearTicks(lang), ticks: "year" },
              y: { label: t("col.cutoff"), grid: true, tickFormat: numberTicks(lang) },
              marks: [
                Plot.lineY(history, { x: "date", y: "cutoff", stroke: "#9aa5b1" }),
                Plot.dot(history, {
                  x: "date",
                  y: "cutoff",
                  fill: (d: { current: boolean }) => (d.current ? "#af3c43" : "#26374a"),
                  r: (d: { current: boolean }) => (d.current ? 6 : 2.5),
                }),
              ],
            })
          }
        />
      )}
      <section class="card" aria-labelledby="report-title">
        <h2 id="report-title">{t("round.report")}</h2>
        {markdown.state === "ok" ? (
          <Markdown text={markdown.data.replace(/^# .*\n+/, "")} english={english} />
        ) : markdown.state === "error" ? (
          <p role="alert">{t("error.load")}</p>
        ) : (
          <p aria-busy="true">{t("loading")}</p>
        )}
      </section>
      <nav class="pager" aria-label={t("round.report")}>
        {previous ? (
          <a href={hrefFor(`/rounds/${previous.round}`, lang)}>
            ← {t("round.previous")} ({previous.round})
          </a>
        ) : (
          <span />
        )}
        {next ? (
          <a href={hrefFor(`/rounds/${next.round}`, lang)}>
            {t("round.next")} ({next.round}) →
          </a>
        ) : (
          <span />
        )}
      </nav>
    </article>
  );
}
