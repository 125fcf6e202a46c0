// The consultant's workspace: the table of clients with each one's status today (CRS, proven streams,
// the latest round of each and whether the score reached its cut-off, the chance of an invitation within
// 26 weeks), adding and editing a client with the calculator's profile form, removing one after a
// confirmation. Client profiles are personal data: they stay in memory and in the server's database,
// never in the page address (unlike the calculator's), and never in the browser's storage.
import { useEffect, useMemo, useState } from "preact/hooks";
import type { ClientOrder, ClientStatus } from "../../advisor/clients.js";
import type { FieldProblem } from "../../profile/errors.js";
import type { ProfileInput } from "../../profile/schema.js";
import type { PageProps } from "../app.js";
import { SelectField, TextField } from "../form.js";
import { formatDate, formatNumber, formatPercent, type Lang, streamLabel, type Translate } from "../i18n.js";
import { evaluate, getPath } from "../profile-state.js";
import { setParams } from "../router.js";
import { localToday, ProfileForm } from "./calculator.js";

/** The API's orders (advisor's clientOrders), restated as a type-checked list so that no domain code is bundled. */
const clientOrders = ["label", "crs", "chance"] as const satisfies readonly ClientOrder[];

/** Simulated futures per client for the table's probability (the API's status of one client uses 10 000). */
const listPaths = 1000;

interface ListedClient {
  label: string;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
  /** Null when the profile cannot be scored on the date (e.g. a test IRCC did not accept yet): see `problems`. */
  status: ClientStatus | null;
  problems?: FieldProblem[];
}

interface ClientList {
  data: { asOf: string; latestRound: string | null; daysBehind: number | null; stale: boolean };
  paths: number;
  count: number;
  clients: ListedClient[];
}

interface ErrorBody {
  errors: FieldProblem[];
}

/** A request to the clients API, never cached (the list changes with every edit). */
async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    cache: "no-store",
    headers: {
      accept: "application/json",
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const data = await res.json().catch(() => null);
  if (!res.ok) throw Object.assign(new Error(`HTTP ${res.status}`), { status: res.status, body: data });
  return data as T;
}

/** A new client's profile: nothing answered yet but the test, which every language result names. */
const blankProfile = { firstLanguage: { test: "ielts" } } as unknown as ProfileInput;

const clientPath = (label: string) => `/api/clients/${encodeURIComponent(label)}`;

type Editing = { mode: "add" } | { mode: "edit"; label: string };

const percent = (lang: Lang, p: number) => formatPercent(lang, p, 0);

const streamList = (t: Translate, streams: readonly string[]) =>
  streams.map((s) => streamLabel(t, s)).join(", ");

function RoundsReached({ status, t, lang }: { status: ClientStatus; t: Translate; lang: Lang }) {
  if (status.eligibleStreams.length === 0) return <span>{t("clients.noStreamForRounds")}</span>;
  if (status.latestRounds.length === 0)
    return <span>{t("clients.noRoundIn", { streams: streamList(t, status.streamsWithoutRounds) })}</span>;
  return (
    <ul class="plain">
      {status.latestRounds.map((r) => {
        const verdict =
          r.invited === "unknown"
            ? t("clients.tie")
            : r.invited
              ? t("clients.reached")
              : t("clients.notReached");
        return (
          <li key={r.stream}>
            {streamLabel(t, r.stream)} ({formatDate(lang, r.date)}),{" "}
            {t("clients.cutoff", { n: formatNumber(lang, r.cutoff) })} —{" "}
            <strong data-reached={String(r.invited)}>{verdict}</strong>
          </li>
        );
      })}
    </ul>
  );
}

const programIds: readonly string[] = ["fsw", "cec", "fst", "pnp"];

/** What the consultant can do next for a client, read from its status (never an empty cell). */
export function nextStep(t: Translate, lang: Lang, status: ClientStatus | null): string {
  if (!status) return t("clients.next.unscorable");
  if (status.eligibleStreams.length === 0) {
    // The programs decide the rest (a category needs one of them): name those, not every category too.
    const programs = status.unknownStreams.filter((s) => programIds.includes(s));
    const undecided = programs.length > 0 ? programs : status.unknownStreams;
    return undecided.length > 0
      ? t("clients.next.decide", { streams: streamList(t, undecided) })
      : t("clients.next.noProgram");
  }
  const reached = status.latestRounds.find((r) => r.reached);
  if (reached) return t("clients.next.reached", { stream: streamLabel(t, reached.stream) });
  // The round whose cut-off is nearest the score: the points that matter most.
  const nearest = [...status.latestRounds].sort((a, b) => b.margin - a.margin)[0];
  if (nearest)
    return t("clients.next.below", {
      n: formatNumber(lang, -nearest.margin),
      stream: streamLabel(t, nearest.stream),
    });
  return t("clients.next.noRound", { streams: streamList(t, status.streamsWithoutRounds) });
}

function ClientTable(props: {
  list: ClientList;
  t: Translate;
  lang: Lang;
  onEdit: (label: string) => void;
  onRemove: (label: string) => void;
}) {
  const { list, t, lang } = props;
  if (list.clients.length === 0) return <p data-testid="clients-empty">{t("clients.none")}</p>;
  return (
    <div class="table-wrap">
      <table class="data reflow" data-testid="clients">
        <caption class="visually-hidden">{t("clients.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("clients.col.label")}</th>
            <th scope="col" class="num">
              {t("clients.col.crs")}
            </th>
            <th scope="col">{t("clients.col.next")}</th>
            <th scope="col">{t("clients.col.eligible")}</th>
            <th scope="col">{t("clients.col.rounds")}</th>
            <th scope="col" class="num">
              {t("clients.col.chance")}
            </th>
            <th scope="col">{t("clients.col.notes")}</th>
            <th scope="col">{t("clients.col.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {list.clients.map((c) => {
            const status = c.status;
            const chance = status?.probability?.within.find((w) => w.weeks === 26)?.probability;
            return (
              <tr key={c.label} data-label={c.label}>
                <th scope="row">{c.label}</th>
                <td class="num" data-testid="client-crs" data-label={t("clients.col.crs")}>
                  {status ? formatNumber(lang, status.crs) : "—"}
                </td>
                <td data-testid="client-next" data-label={t("clients.col.next")}>
                  {nextStep(t, lang, status)}
                </td>
                {status ? (
                  <>
                    <td data-label={t("clients.col.eligible")}>
                      {status.eligibleStreams.length
                        ? streamList(t, status.eligibleStreams)
                        : t("clients.noneProven")}
                      {status.unknownStreams.length > 0 && (
                        <small class="hint">
                          {" "}
                          {t("clients.unknown", {
                            streams: status.unknownStreams.map((s) => streamLabel(t, s)).join(", "),
                          })}
                        </small>
                      )}
                    </td>
                    <td data-label={t("clients.col.rounds")}>
                      <RoundsReached status={status} t={t} lang={lang} />
                    </td>
                  </>
                ) : (
                  <td colSpan={2} class="error" data-label={t("clients.col.eligible")}>
                    {t("clients.unscorable", { fields: (c.problems ?? []).map((p) => p.field).join(", ") })}
                  </td>
                )}
                <td class="num" data-testid="client-chance" data-label={t("clients.col.chance")}>
                  {status && status.eligibleStreams.length === 0 ? (
                    <small class="hint">{t("clients.chanceNone")}</small>
                  ) : chance === undefined ? (
                    "—"
                  ) : (
                    percent(lang, chance)
                  )}
                </td>
                <td data-label={t("clients.col.notes")}>{c.notes ?? ""}</td>
                <td data-label={t("clients.col.actions")}>
                  <button type="button" class="button secondary" onClick={() => props.onEdit(c.label)}>
                    {t("clients.edit")}
                    <span class="visually-hidden"> {c.label}</span>
                  </button>{" "}
                  <button type="button" class="button secondary" onClick={() => props.onRemove(c.label)}>
                    {t("clients.remove")}
                    <span class="visually-hidden"> {c.label}</span>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The form of one client: label and notes above the calculator's profile form; the server has the last word. */
function ClientEditor(props: {
  editing: Editing;
  /** `updatedAt`: when the client being edited was read, so that an edit made since is not overwritten. */
  initial: { label: string; notes: string; profile: ProfileInput; updatedAt?: string };
  t: Translate;
  lang: Lang;
  onSaved: (label: string) => void;
  onCancel: () => void;
}) {
  const { editing, t, lang } = props;
  const [label, setLabel] = useState(props.initial.label);
  const [notes, setNotes] = useState(props.initial.notes);
  const [profile, setProfile] = useState<ProfileInput>(props.initial.profile);
  const [serverProblems, setServerProblems] = useState<FieldProblem[]>([]);
  const [busy, setBusy] = useState(false);
  // A new client's form starts empty: a missing answer is named once Save was tried, not before.
  const [triedSaving, setTriedSaving] = useState(editing.mode === "edit");
  const today = localToday();
  // The same schema and engine as the server: problems show while typing, the CRS too.
  const evaluation = useMemo(() => evaluate(profile, today), [profile, today]);
  const problems = new Map<string, FieldProblem>();
  if (!evaluation.ok)
    for (const p of evaluation.problems)
      if (triedSaving || getPath(profile, p.field) !== undefined) problems.set(p.field, p);
  for (const p of serverProblems)
    if (p.field.startsWith("profile.")) problems.set(p.field.slice("profile.".length), p);
  const labelProblem = serverProblems.find((p) => p.field === "label");
  const labelError =
    labelProblem &&
    (labelProblem.problem.includes("already exists")
      ? t("clients.exists")
      : lang === "en"
        ? `${labelProblem.problem}.`
        : t("form.invalid"));
  const otherProblems = serverProblems.filter((p) => p.field !== "label" && !p.field.startsWith("profile."));

  const save = async () => {
    setTriedSaving(true);
    if (!evaluation.ok || busy) return;
    if (label.trim() === "") {
      setServerProblems([{ field: "label", problem: t("clients.labelMissing") }]);
      return;
    }
    setBusy(true);
    setServerProblems([]);
    try {
      const body = { profile, notes: notes.trim() === "" ? null : notes };
      if (editing.mode === "add") await request("POST", "/api/clients", { label, ...body });
      else
        await request("PUT", clientPath(editing.label), {
          ...body,
          expectedUpdatedAt: props.initial.updatedAt,
        });
      props.onSaved(editing.mode === "add" ? label : editing.label);
    } catch (e) {
      const errors = (e as { body?: ErrorBody | null }).body?.errors;
      setServerProblems(errors?.length ? errors : [{ field: "(server)", problem: t("error.load") }]);
    } finally {
      setBusy(false);
    }
  };

  const heading =
    editing.mode === "add" ? t("clients.adding") : t("clients.editing", { label: editing.label });
  return (
    <section class="client-editor" aria-labelledby="client-editor-heading">
      <h2 id="client-editor-heading">{heading}</h2>
      <fieldset>
        <legend>{t("clients.file")}</legend>
        <TextField
          id="client-label"
          label={t("clients.label")}
          hint={t("clients.labelHint")}
          error={labelError}
          value={label}
          maxLength={64}
          readOnly={editing.mode === "edit"}
          onChange={setLabel}
        />
        <div class="field">
          <label for="client-notes">{t("clients.notes")}</label>
          <textarea
            id="client-notes"
            name="client-notes"
            rows={2}
            maxLength={2000}
            value={notes}
            onInput={(e) => setNotes((e.currentTarget as HTMLTextAreaElement).value)}
          />
        </div>
      </fieldset>
      <ProfileForm
        input={profile}
        onChange={setProfile}
        problems={problems}
        asOf={today}
        label={heading}
        person="client"
        t={t}
        lang={lang}
        onSubmit={save}
      >
        <p aria-live="polite" data-testid="editor-crs">
          {evaluation.ok
            ? t("clients.crsNow", { n: formatNumber(lang, evaluation.result.total) })
            : triedSaving
              ? t("clients.fix")
              : t("clients.fillIn")}
        </p>
        {otherProblems.length > 0 && (
          <p class="error" role="alert">
            {otherProblems
              .map((p) =>
                p.field === "expectedUpdatedAt"
                  ? t("clients.changed")
                  : lang === "en"
                    ? `${p.field}: ${p.problem}`
                    : t("form.invalid"),
              )
              .join(" ")}
          </p>
        )}
        <p>
          <button type="submit" class="button" disabled={busy}>
            {t("clients.save")}
          </button>{" "}
          <button type="button" class="button secondary" onClick={props.onCancel}>
            {t("clients.cancel")}
          </button>
        </p>
      </ProfileForm>
    </section>
  );
}

export default function ClientsPage({ t, lang, url }: PageProps) {
  // The order is not personal data: it lives in the URL like the other pages' filters.
  const sortParam = url.searchParams.get("sort");
  const order: ClientOrder = (clientOrders as readonly string[]).includes(sortParam ?? "")
    ? (sortParam as ClientOrder)
    : "label";
  const [list, setList] = useState<
    { state: "loading" } | { state: "error"; hostRefused: boolean } | { state: "ok"; data: ClientList }
  >({
    state: "loading",
  });
  const [reload, setReload] = useState(0);
  const [editing, setEditing] = useState<{
    editing: Editing;
    /** `updatedAt`: when the client being edited was read, so that an edit made since is not overwritten. */
    initial: { label: string; notes: string; profile: ProfileInput; updatedAt?: string };
  } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    request<ClientList>("GET", `/api/clients?paths=${listPaths}&sort=${order}`).then(
      (data) => live && setList({ state: "ok", data }),
      // The server serves the clients on localhost only unless told otherwise: say so rather than "failed".
      (e: { status?: number }) => live && setList({ state: "error", hostRefused: e.status === 403 }),
    );
    return () => {
      live = false;
    };
  }, [reload, order]);

  const startEdit = (label: string) => {
    setMessage(null);
    request<{ label: string; notes: string | null; profile: ProfileInput; updatedAt: string }>(
      "GET",
      clientPath(label),
    ).then(
      (c) =>
        setEditing({
          editing: { mode: "edit", label },
          initial: { label, notes: c.notes ?? "", profile: c.profile, updatedAt: c.updatedAt },
        }),
      () => setMessage(t("error.load")),
    );
  };

  const remove = async (label: string) => {
    setConfirming(null);
    try {
      await request("DELETE", clientPath(label));
      setMessage(t("clients.removed", { label }));
    } catch {
      setMessage(t("error.load"));
    }
    setReload((n) => n + 1);
  };

  return (
    <div class="clients">
      <h1>{t("clients.title")}</h1>
      <p class="lead">{t("clients.intro")}</p>
      <p>{t("clients.privacy")}</p>
      {message && (
        <p role="status" data-testid="clients-message">
          {message}
        </p>
      )}
      {confirming && (
        <div class="warning" role="alertdialog" aria-labelledby="confirm-text" data-testid="confirm-remove">
          <p id="confirm-text">{t("clients.confirmRemove", { label: confirming })}</p>
          <p>
            <button type="button" class="button" onClick={() => void remove(confirming)}>
              {t("clients.confirm")}
            </button>{" "}
            <button type="button" class="button secondary" onClick={() => setConfirming(null)}>
              {t("clients.cancel")}
            </button>
          </p>
        </div>
      )}
      {editing ? (
        <ClientEditor
          key={editing.editing.mode === "edit" ? editing.editing.label : "new"}
          editing={editing.editing}
          initial={editing.initial}
          t={t}
          lang={lang}
          onSaved={(label) => {
            setEditing(null);
            setMessage(t("clients.saved", { label }));
            setReload((n) => n + 1);
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <p>
          <button
            type="button"
            class="button"
            onClick={() => {
              setMessage(null);
              setEditing({
                editing: { mode: "add" },
                initial: { label: "", notes: "", profile: blankProfile },
              });
            }}
          >
            {t("clients.add")}
          </button>
        </p>
      )}
      {list.state === "loading" && <p aria-busy="true">{t("loading")}</p>}
      {list.state === "error" && (
        <p role="alert" data-testid="clients-error">
          {list.hostRefused ? t("clients.hostRefused") : t("error.load")}
        </p>
      )}
      {list.state === "ok" && (
        <>
          <p>
            {t("clients.asOf", {
              date: formatDate(lang, list.data.data.asOf),
              paths: formatNumber(lang, list.data.paths),
            })}
            {list.data.data.stale && list.data.data.latestRound && (
              <> {t("clients.stale", { date: formatDate(lang, list.data.data.latestRound) })}</>
            )}
          </p>
          <SelectField
            id="clients-sort"
            label={t("clients.sort")}
            value={order}
            options={clientOrders.map((o) => [o, t(`clients.sort.${o}`)] as const)}
            onChange={(o) => setParams({ sort: o === "label" ? null : o })}
          />
          <ClientTable
            list={list.data}
            t={t}
            lang={lang}
            onEdit={startEdit}
            onRemove={(label) => {
              setMessage(null);
              setConfirming(label);
            }}
          />
        </>
      )}
    </div>
  );
}
