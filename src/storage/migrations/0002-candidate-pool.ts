import type { Migration } from "./index.js";

// The candidate pool (issue 4): one row per candidate of a named pool, with the CRS score and the
// eligibility computed once when the candidate entered, the date and CRS rule set they were computed under,
// and the invitation once a round invites the candidate (invited candidates leave the pool; the invitation
// expires 60 days after the round). `profile` keeps the submitted profile (null for synthetic candidates):
// it is personal data, stored but never logged.
export const migration: Migration = {
  version: 2,
  name: "candidate pool",
  sql: `
create table pool_candidates (
  pool text not null,
  id text not null,
  submitted_at timestamptz not null,
  crs smallint not null check (crs between 0 and 1200),
  eligible text[] not null,
  eligibility_unknown text[] not null default '{}',
  computed_on date not null,
  rule_set text not null,
  profile jsonb,
  invited_on date,
  invited_in text,
  invitation_expires_on date,
  primary key (pool, id)
);
create index pool_candidates_in_pool on pool_candidates (pool, crs desc, submitted_at) where invited_on is null;
`,
};
