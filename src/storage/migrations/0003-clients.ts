import type { Migration } from "./index.js";

// The consultant's workspace: one row per client, under a label the consultant chooses (a file number,
// unique), the profile as validated JSON, optional notes, and when the row was created and last changed.
// The profile is personal data: stored, never logged or echoed in errors.
export const migration: Migration = {
  version: 3,
  name: "clients",
  sql: `
create table clients (
  id serial primary key,
  label text not null unique check (length(label) between 1 and 100),
  profile jsonb not null,
  notes text,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
`,
};
