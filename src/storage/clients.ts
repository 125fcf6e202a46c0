// The consultant's clients in the database (migration 0003): each under a label the consultant chooses
// (a file number), with the profile validated by the one profile schema, optional notes, and timestamps.
// Every write is checked first and done in one statement or one transaction: a refused client leaves
// nothing behind. Profiles are personal data: errors name the field, never its value, and nothing is logged.
import { z } from "zod";
import { describeIssues, FieldError, type FieldProblem } from "../profile/errors.js";
import { type Profile, profile as profileSchema } from "../profile/schema.js";
import { storableText } from "../profile/text.js";
import type { Db, Queryable } from "./db.js";

/** A label is the consultant's own reference (a file number): short, and safe in a URL path and a file name. */
export const clientLabel = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
    "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit",
  );

export const clientNotes = storableText(z.string().max(2000)).nullable();

export interface Client {
  label: string;
  profile: Profile;
  notes: string | null;
  /** ISO 8601 UTC. */
  createdAt: string;
  updatedAt: string;
  profileProblems?: undefined;
}

/**
 * A stored client whose profile today's schema refuses: the schema changed after the profile was stored (a
 * new required field, a value no longer allowed). The profile is kept as stored, for export and for the
 * consultant to correct with an update; it cannot be scored until then.
 */
export interface OutdatedClient extends Omit<Client, "profile" | "profileProblems"> {
  /** The profile as stored, not a valid Profile. */
  profile: unknown;
  /** What the schema refuses, each field named under `profile.` (never its value). */
  profileProblems: FieldProblem[];
}

/** A client as read back from the database: its profile is checked again by the schema of today. */
export type StoredClient = Client | OutdatedClient;

/** What a consultant submits: the profile as written (validated here), notes optional. */
export interface ClientInput {
  label: string;
  profile: unknown;
  notes?: string | null | undefined;
}

/** A client with that label is already stored (labels are unique). */
export class ClientExistsError extends Error {
  override name = "ClientExistsError";
  constructor(readonly label: string) {
    super(`label: a client labelled "${label}" already exists (allowed: a label not in use, or update it)`);
  }
}

/** No client has that label. */
export class ClientNotFoundError extends Error {
  override name = "ClientNotFoundError";
  constructor(readonly label: string) {
    super(`label: no client is labelled "${label}" (allowed: a stored label; ee clients list shows them)`);
  }
}

/** The client was changed by someone else after the caller read it (its updatedAt is no longer the one read). */
export class ClientChangedError extends Error {
  override name = "ClientChangedError";
  constructor(
    readonly label: string,
    readonly updatedAt: string,
  ) {
    super(
      `expectedUpdatedAt: the client labelled "${label}" was changed at ${updatedAt}, after it was read (allowed: its current updatedAt: read it again)`,
    );
  }
}

/** Some entries of an import were refused (the import wrote nothing); `entry` counts from 1. */
export class ClientImportError extends Error {
  override name = "ClientImportError";
  constructor(readonly problems: { entry: number; problem: FieldProblem }[]) {
    super(
      problems
        .map(
          ({ entry, problem: p }) =>
            `entry ${entry}: ${p.field}: ${p.problem}${p.allowed ? ` (allowed: ${p.allowed})` : ""}`,
        )
        .join("\n"),
    );
  }
}

/**
 * Prefixes the fields of a nested validation's problems ("age" → "profile.age"); describeIssues names the
 * value itself "(profile)", which becomes the prefix alone.
 */
function under(prefix: string, problems: FieldProblem[]): FieldProblem[] {
  return problems.map((p) => ({ ...p, field: p.field === "(profile)" ? prefix : `${prefix}.${p.field}` }));
}

function labelProblems(label: unknown): FieldProblem[] {
  const parsed = clientLabel.safeParse(label);
  return parsed.success ? [] : under("label", describeIssues(parsed.error));
}

function notesProblems(notes: unknown): FieldProblem[] {
  if (notes === undefined) return [];
  const parsed = clientNotes.safeParse(notes);
  return parsed.success ? [] : under("notes", describeIssues(parsed.error));
}

/** The profile validated by the schema, or the problems with each field named under `profile.`. */
export function checkClientProfile(raw: unknown): { profile: Profile } | { problems: FieldProblem[] } {
  const parsed = profileSchema.safeParse(raw);
  return parsed.success
    ? { profile: parsed.data }
    : { problems: under("profile", describeIssues(parsed.error)) };
}

interface ValidClient {
  label: string;
  profile: Profile;
  notes: string | null;
}

/** Every problem of a client input, or the validated client. */
function validateInput(input: ClientInput): ValidClient | FieldProblem[] {
  const problems = [...labelProblems(input.label), ...notesProblems(input.notes)];
  const checked = checkClientProfile(input.profile);
  if ("problems" in checked) problems.push(...checked.problems);
  if (problems.length > 0 || !("profile" in checked)) return problems;
  return { label: input.label, profile: checked.profile, notes: input.notes ?? null };
}

function requireValid(input: ClientInput): ValidClient {
  const valid = validateInput(input);
  if (Array.isArray(valid)) throw new FieldError(valid);
  return valid;
}

interface ClientRow {
  label: string;
  profile: Profile;
  notes: string | null;
  created_at: string | Date;
  updated_at: string | Date;
}

const columns = "label, profile, notes, created_at, updated_at";

/**
 * A row as a client. The profile was valid when stored, but the schema may have changed since: it is
 * checked again, so that a field added later gets its default and a profile the schema now refuses is
 * said to be outdated (with its problems) instead of reaching the scoring code as a Profile it is not.
 */
// The check of a stored profile, kept by the profile's JSON text: a list of hundreds of clients is read again
// and again (each list, each status), and the schema only changes with the code. Bounded; each reader gets
// its own copy of the profile.
const checkedProfiles = new Map<string, ReturnType<typeof checkClientProfile>>();
const checkedProfilesLimit = 20_000;

function checkStoredProfile(stored: unknown): ReturnType<typeof checkClientProfile> {
  const text = JSON.stringify(stored);
  let checked = checkedProfiles.get(text);
  if (!checked) {
    checked = checkClientProfile(stored);
    if (checkedProfiles.size >= checkedProfilesLimit) checkedProfiles.clear();
    checkedProfiles.set(text, checked);
  }
  return "profile" in checked ? { profile: structuredClone(checked.profile) } : checked;
}

function fromRow(r: ClientRow): StoredClient {
  const stored: unknown = typeof r.profile === "string" ? JSON.parse(r.profile) : r.profile;
  const common = {
    label: r.label,
    notes: r.notes,
    createdAt: new Date(r.created_at).toISOString(), // a Date from pg and PGlite alike
    updatedAt: new Date(r.updated_at).toISOString(),
  };
  const checked = checkStoredProfile(stored);
  return "profile" in checked
    ? { ...common, profile: checked.profile }
    : { ...common, profile: stored, profileProblems: checked.problems };
}

/** A row just written from a validated profile. */
function fromWrittenRow(r: ClientRow): Client {
  const client = fromRow(r);
  if (client.profileProblems) throw new FieldError(client.profileProblems); // cannot happen: validated first
  return client;
}

/** Stores a new client; a bad profile is refused (FieldError naming each field), a used label too. */
export async function addClient(db: Queryable, input: ClientInput, now: string): Promise<Client> {
  const c = requireValid(input);
  const rows = await db.query<ClientRow>(
    `insert into clients (label, profile, notes, created_at, updated_at) values ($1, $2::jsonb, $3, $4, $4)
     on conflict (label) do nothing returning ${columns}`,
    [c.label, JSON.stringify(c.profile), c.notes, now],
  );
  if (!rows[0]) throw new ClientExistsError(c.label);
  return fromWrittenRow(rows[0]);
}

/**
 * Replaces a client's profile and/or notes (what is not given is kept). A bad profile is refused and the
 * stored one kept; an unknown label is a ClientNotFoundError. Notes alone keep the stored profile as it
 * is, outdated or not. With `expectedUpdatedAt` (the updatedAt the caller read), an edit made meanwhile by
 * someone else is not overwritten: the update is refused with a ClientChangedError.
 */
export async function updateClient(
  db: Queryable,
  label: string,
  changes: { profile?: unknown; notes?: string | null | undefined; expectedUpdatedAt?: string | undefined },
  now: string,
): Promise<StoredClient> {
  const problems = [
    ...labelProblems(label),
    ...notesProblems(changes.notes),
    ...expectedUpdatedAtProblems(changes.expectedUpdatedAt),
  ];
  let profile: Profile | undefined;
  if (changes.profile !== undefined) {
    const checked = checkClientProfile(changes.profile);
    if ("problems" in checked) problems.push(...checked.problems);
    else profile = checked.profile;
  }
  if (problems.length > 0) throw new FieldError(problems);
  // One statement: the check of updatedAt and the write cannot be split by another writer.
  const rows = await db.query<ClientRow>(
    `update clients set profile = coalesce($2::jsonb, profile),
            notes = case when $3::boolean then $4 else notes end, updated_at = $5
     where label = $1 and ($6::timestamptz is null or updated_at = $6::timestamptz) returning ${columns}`,
    [
      label,
      profile === undefined ? null : JSON.stringify(profile),
      changes.notes !== undefined,
      changes.notes ?? null,
      now,
      changes.expectedUpdatedAt ?? null,
    ],
  );
  if (rows[0]) return fromRow(rows[0]);
  const current = await loadClient(db, label);
  if (current && changes.expectedUpdatedAt !== undefined)
    throw new ClientChangedError(label, current.updatedAt);
  throw new ClientNotFoundError(label);
}

/** An instant with its offset, as the client's `updatedAt` is given out (ISO 8601). */
const instant = z.iso.datetime({ offset: true });

function expectedUpdatedAtProblems(expected: unknown): FieldProblem[] {
  if (expected === undefined) return [];
  return instant.safeParse(expected).success
    ? []
    : [
        {
          field: "expectedUpdatedAt",
          problem: "is not a date and time",
          allowed: "the client's updatedAt as read, e.g. 2026-11-24T20:00:00.000Z",
        },
      ];
}

/** Deletes a client and its profile; an unknown label is a ClientNotFoundError. */
export async function removeClient(db: Queryable, label: string): Promise<void> {
  const rows = await db.query("delete from clients where label = $1 returning label", [label]);
  if (rows.length === 0) throw new ClientNotFoundError(label);
}

/** The client with that label, or null. */
export async function loadClient(db: Queryable, label: string): Promise<StoredClient | null> {
  const rows = await db.query<ClientRow>(`select ${columns} from clients where label = $1`, [label]);
  return rows[0] ? fromRow(rows[0]) : null;
}

/**
 * Every client, by label in character-code order ("A-2" < "B-2" < "a-1"): the same on a PostgreSQL server
 * set up with a language's collation (which would put "a-1" first) as on PGlite, and as compareClients.
 */
export async function listClients(db: Queryable): Promise<StoredClient[]> {
  const rows = await db.query<ClientRow>(`select ${columns} from clients order by label collate "C"`);
  return rows.map(fromRow);
}

/**
 * Stores many clients at once, all or nothing: every entry is checked first (each problem names the entry,
 * counted from 1, and the field), labels must be new and distinct, then all are written in one transaction.
 * Returns the number stored.
 */
export async function importClients(db: Db, inputs: readonly ClientInput[], now: string): Promise<number> {
  const problems: { entry: number; problem: FieldProblem }[] = [];
  const valid: ValidClient[] = [];
  const firstEntryOf = new Map<string, number>();
  inputs.forEach((input, i) => {
    const entry = i + 1;
    const checked = validateInput(input);
    if (Array.isArray(checked)) {
      for (const problem of checked) problems.push({ entry, problem });
      return;
    }
    const earlier = firstEntryOf.get(checked.label);
    if (earlier !== undefined)
      problems.push({
        entry,
        problem: {
          field: "label",
          problem: `"${checked.label}" is also the label of entry ${earlier}`,
          allowed: "a label used once",
        },
      });
    else firstEntryOf.set(checked.label, entry);
    valid.push(checked);
  });
  if (problems.length > 0) throw new ClientImportError(problems);
  if (valid.length === 0) return 0;
  return db.transaction(async (tx) => {
    const labels = JSON.stringify(valid.map((c) => c.label));
    const taken = await tx.query<{ label: string }>(
      'select label from clients where label in (select jsonb_array_elements_text($1::jsonb)) order by label collate "C"',
      [labels],
    );
    if (taken.length > 0)
      throw labelsInUse(
        taken.map(({ label }) => label),
        firstEntryOf,
      );
    const rows = valid.map((c) => ({ label: c.label, profile: c.profile, notes: c.notes }));
    // Another process (PostgreSQL) may store one of these labels between the check and this insert: those
    // rows are skipped rather than failing on the unique index, then refused like a label found by the check.
    const inserted = await tx.query<{ label: string }>(
      `insert into clients (label, profile, notes, created_at, updated_at)
       select r.label, r.profile, r.notes, $2, $2
       from jsonb_to_recordset($1::jsonb) as r(label text, profile jsonb, notes text)
       on conflict (label) do nothing
       returning label`,
      [JSON.stringify(rows), now],
    );
    if (inserted.length < valid.length) {
      const stored = new Set(inserted.map((r) => r.label));
      throw labelsInUse(
        valid.map((c) => c.label).filter((label) => !stored.has(label)),
        firstEntryOf,
      );
    }
    return inserted.length;
  });
}

/** The refusal of an import whose labels are already stored (the transaction then writes nothing). */
function labelsInUse(labels: string[], firstEntryOf: ReadonlyMap<string, number>): ClientImportError {
  return new ClientImportError(
    labels.map((label) => ({
      entry: firstEntryOf.get(label) ?? 0,
      problem: {
        field: "label",
        problem: `a client labelled "${label}" already exists`,
        allowed: "a label not in use",
      },
    })),
  );
}
