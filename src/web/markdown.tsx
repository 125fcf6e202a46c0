// Renders the draw reports' Markdown (headings, paragraphs, lists, tables, _emphasis_) as Preact
// elements: no HTML string is ever injected. Names published by IRCC in English only are wrapped in
// lang="en" so screen readers pronounce them right on a French page.
import type { ComponentChildren } from "preact";

function inline(text: string, english: readonly string[]): ComponentChildren {
  const names = english.filter(Boolean).sort((a, b) => b.length - a.length);
  const parts: ComponentChildren[] = [];
  let rest = text;
  let key = 0;
  while (rest.length) {
    let at = -1;
    let name = "";
    for (const n of names) {
      const i = rest.indexOf(n);
      if (i >= 0 && (at < 0 || i < at)) {
        at = i;
        name = n;
      }
    }
    if (at < 0) {
      parts.push(emphasis(rest, key++));
      break;
    }
    if (at > 0) parts.push(emphasis(rest.slice(0, at), key++));
    parts.push(
      <span lang="en" key={key++}>
        {name}
      </span>,
    );
    rest = rest.slice(at + name.length);
  }
  return parts;
}

function emphasis(text: string, key: number): ComponentChildren {
  const m = /^_(.*)_$/.exec(text.trim());
  return m ? <em key={key}>{m[1]}</em> : text;
}

const cells = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, "")
    .split("|")
    .map((c) => c.trim());

export function Markdown({ text, english = [] }: { text: string; english?: readonly string[] }) {
  const blocks: ComponentChildren[] = [];
  const lines = text.split("\n");
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? "";
    if (line.trim() === "") {
      i++;
      continue;
    }
    const heading = /^(#{1,3}) (.*)$/.exec(line);
    if (heading) {
      // The page has its own h1: report headings move one level down.
      const level = Math.min(heading[1]!.length + 1, 4);
      const Tag = `h${level}` as "h2" | "h3" | "h4";
      blocks.push(<Tag key={i}>{inline(heading[2]!, english)}</Tag>);
      i++;
    } else if (line.startsWith("- ")) {
      const items: string[] = [];
      while (i < lines.length && lines[i]!.startsWith("- ")) items.push(lines[i++]!.slice(2));
      blocks.push(
        <ul key={i}>
          {items.map((it) => (
            <li key={it}>{inline(it, english)}</li>
          ))}
        </ul>,
      );
    } else if (line.startsWith("|")) {
      const rows: string[] = [];
      while (i < lines.length && lines[i]!.startsWith("|")) rows.push(lines[i++]!);
      const [head, align, ...body] = rows;
      const right = cells(align ?? "").map((c) => c.endsWith(":"));
      blocks.push(
        <div class="table-wrap" key={i}>
          <table class="data">
            <thead>
              <tr>
                {cells(head ?? "").map((c, k) => (
                  <th scope="col" key={c} class={right[k] ? "num" : undefined}>
                    {inline(c, english)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {body.map((r) => (
                <tr key={r}>
                  {cells(r).map((c, k) => (
                    <td key={k} class={right[k] ? "num" : undefined}>
                      {inline(c, english)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>,
      );
    } else {
      const para: string[] = [];
      while (i < lines.length && lines[i]!.trim() !== "" && !/^(#|- |\|)/.test(lines[i]!))
        para.push(lines[i++]!);
      blocks.push(
        <p key={i}>
          {para.map((p, k) => (
            <span key={k}>
              {k > 0 && <br />}
              {inline(p, english)}
            </span>
          ))}
        </p>,
      );
    }
  }
  return <div class="report">{blocks}</div>;
}
