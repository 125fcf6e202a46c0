// Charts drawn with Observable Plot, loaded on demand (it is not part of the first load). Each chart
// is a figure with a caption; the same numbers are always in a table on the page for screen readers.
import { useEffect, useRef, useState } from "preact/hooks";
import { formatNumber, type Lang, locale, streamLabel, type Translate } from "./i18n.js";

/** Fourteen distinct colours: there are more streams than the ten of Plot's categorical schemes. */
export const streamColours = [
  "#1f77b4",
  "#ff7f0e",
  "#2ca02c",
  "#d62728",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#7f7f7f",
  "#bcbd22",
  "#17becf",
  "#393b79",
  "#ad494a",
  "#637939",
  "#843c39",
  "#5254a3",
  "#8ca252",
];

/** Every stream keeps its colour on every chart. */
const streamOrder = [
  "general",
  "cec",
  "fsw",
  "fst",
  "pnp",
  "french-language-proficiency",
  "healthcare-social-services",
  "stem",
  "trades",
  "transport",
  "agriculture-agri-food",
  "education",
  "physicians-canadian-work-experience",
  "senior-managers-canadian-work-experience",
  "researchers-canadian-work-experience",
  "skilled-military-recruits",
];

/** Plot's colour options for the streams in `ids`, labelled in the page's language. */
export function streamColourScale(t: Translate, ids: Iterable<string>) {
  const present = [...new Set(ids)].sort((a, b) => rank(a) - rank(b));
  return {
    legend: true,
    type: "categorical" as const,
    domain: present.map((id) => streamLabel(t, id)),
    range: present.map((id) => streamColours[rank(id) % streamColours.length]!),
  };
}
const rank = (id: string) => {
  const i = streamOrder.indexOf(id);
  return i < 0 ? streamOrder.length : i;
};

export type PlotModule = typeof import("@observablehq/plot");

let plotModule: Promise<PlotModule> | null = null;
export const loadPlot = () => {
  plotModule ??= import("@observablehq/plot");
  return plotModule;
};

/** Localized tick formats: Plot's defaults are English. */
export const yearTicks = (lang: Lang) => (d: Date) =>
  new Intl.DateTimeFormat(locale(lang), { year: "numeric", timeZone: "UTC" }).format(d);
export const monthTicks = (lang: Lang) => (d: Date) =>
  new Intl.DateTimeFormat(locale(lang), { month: "short", year: "numeric", timeZone: "UTC" }).format(d);
export const numberTicks = (lang: Lang) => (n: number) => formatNumber(lang, n);

export function Chart(props: {
  id: string;
  title: string;
  description: string;
  build: (plot: PlotModule, width: number) => Element;
  /** Re-draws when this changes (data, language, filters). */
  deps: unknown[];
  /** Inside another card: no frame of its own. */
  bare?: boolean;
  /** The chart's numbers as a table, behind a "show the data" toggle (for screen readers and checking). */
  data?: { label: string; columns: string[]; rows: (string | number)[][] };
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    void loadPlot().then((plot) => {
      const host = ref.current;
      if (!live || !host) return;
      const width = Math.max(320, Math.min(host.clientWidth || 640, 1100));
      const figure = props.build(plot, width);
      figure.setAttribute("aria-hidden", "true");
      host.replaceChildren(figure);
      setReady(true);
    });
    return () => {
      live = false;
    };
  }, props.deps);
  return (
    <figure
      class={props.bare ? "figure bare" : "figure card"}
      aria-labelledby={`${props.id}-title`}
      aria-describedby={`${props.id}-desc`}
    >
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      <p class="hint" id={`${props.id}-desc`}>
        {props.description}
      </p>
      <div class="chart" ref={ref} data-chart={props.id} data-ready={ready ? "true" : "false"} />
      {props.data && (
        <details class="chart-data">
          <summary>{props.data.label}</summary>
          <div class="table-wrap">
            <table class="data">
              <thead>
                <tr>
                  {props.data.columns.map((c, k) => (
                    <th scope="col" key={c} class={k > 0 ? "num" : undefined}>
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {props.data.rows.map((row) => (
                  <tr key={String(row[0])}>
                    {row.map((cell, k) => (
                      <td key={props.data!.columns[k]} class={k > 0 ? "num" : undefined}>
                        {cell}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </figure>
  );
}
