import type { Migration } from "./index.js";

// The rounds feed: each round's parsed columns beside the row as IRCC published it, every fetch of
// the feed (payload hash and time), and the change log of corrections IRCC made to published rounds.
export const migration: Migration = {
  version: 1,
  name: "rounds, fetches and round changes",
  sql: `
create table fetches (
  id serial primary key,
  source text not null,
  payload_sha256 text not null,
  fetched_at timestamptz not null,
  result text not null,
  rounds_added integer not null default 0,
  rounds_corrected integer not null default 0,
  warnings jsonb not null default '[]'
);

create table rounds (
  round text primary key,
  round_number integer not null,
  draw_date date not null,
  name text not null,
  programs text not null,
  stream_kind text not null check (stream_kind in ('general', 'program', 'category')),
  stream_id text not null,
  stream_version text,
  stream_recognized boolean not null,
  size integer not null,
  cutoff integer not null,
  drawn_at timestamptz,
  tie_break_at timestamptz,
  distribution_as_on date,
  distribution jsonb,
  raw jsonb not null,
  first_fetch_id integer not null references fetches (id),
  last_changed_fetch_id integer not null references fetches (id)
);
create index rounds_by_date on rounds (draw_date, round_number);
create index rounds_by_stream on rounds (stream_id, draw_date);

create table round_changes (
  id serial primary key,
  round text not null references rounds (round),
  fetch_id integer not null references fetches (id),
  detected_at timestamptz not null,
  fields jsonb not null,
  before jsonb not null,
  after jsonb not null
);
create index round_changes_by_round on round_changes (round);
`,
};
