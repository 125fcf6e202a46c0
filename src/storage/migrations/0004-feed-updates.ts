import type { Migration } from "./index.js";

// Reading IRCC's feed tolerantly: a round whose size or cut-off could not be read is still stored (the
// columns become nullable), each round keeps the fields it could not read or that look wrong (`issues`,
// with their published text), and every update attempt is recorded, failed ones included, so that the
// status can say when the data last came in and when an update last failed.
export const migration: Migration = {
  version: 4,
  name: "tolerant feed: nullable figures, round issues, update attempts",
  sql: `
alter table rounds alter column size drop not null;
alter table rounds alter column cutoff drop not null;
alter table rounds add column issues jsonb not null default '[]';

create table feed_updates (
  id serial primary key,
  attempted_at timestamptz not null,
  source text not null,
  outcome text not null check (outcome in ('success', 'failure')),
  message text not null,
  fetch_id integer references fetches (id),
  rounds_added integer not null default 0,
  rounds_changed integer not null default 0,
  warnings jsonb not null default '[]',
  problems jsonb not null default '[]'
);
create index feed_updates_by_outcome on feed_updates (outcome, id);
`,
};
