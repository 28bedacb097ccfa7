-- Mapping campaigns: who is asked (invitations), what they answered (responses, ratings), and
-- the mail that asks them (outbox). Tokens are never stored: an invitation keeps only the
-- SHA-256 of its personal link's token. In an anonymous campaign, submitting a response cuts
-- its links to the invitation and the person (invitation_id and subject_person_id become null);
-- only the campaign, the unit and the role profiles remain on it.

create table campaigns (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id) on delete cascade,
  name jsonb not null,
  framework_version_id uuid not null references framework_versions (id) on delete restrict,
  -- A subset of the version's rated competences; null: all of them.
  node_ids uuid[],
  audience jsonb not null,
  opens_at timestamptz not null,
  closes_at timestamptz not null,
  modes text[] not null,
  languages text[] not null,
  anonymity text not null check (anonymity in ('identified', 'confidential', 'anonymous')),
  scheduled_at timestamptz,
  closed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (closes_at > opens_at)
);
create index campaigns_org_idx on campaigns (organisation_id, opens_at);

create table invitations (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id) on delete cascade,
  campaign_id uuid not null references campaigns (id) on delete cascade,
  kind text not null check (kind in ('self', 'manager')),
  -- Who answers: the person (self) or their manager (manager).
  respondent_person_id uuid not null references people (id) on delete cascade,
  -- Who is rated: the person themself, or the manager's direct report.
  subject_person_id uuid not null references people (id) on delete cascade,
  -- The subject's unit when invited, so that status and results per unit stay stable.
  unit_id uuid references org_units (id) on delete set null,
  token_hash text unique,
  token_issued_at timestamptz,
  sent_at timestamptz,
  reminded_at timestamptz,
  reminder_count integer not null default 0,
  started_at timestamptz,
  submitted_at timestamptz,
  created_at timestamptz not null default now(),
  unique (campaign_id, kind, respondent_person_id, subject_person_id)
);
create index invitations_campaign_idx on invitations (campaign_id, unit_id);
create index invitations_respondent_idx on invitations (organisation_id, respondent_person_id);

create table responses (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id) on delete cascade,
  campaign_id uuid not null references campaigns (id) on delete cascade,
  invitation_id uuid unique references invitations (id) on delete set null,
  kind text not null check (kind in ('self', 'manager')),
  subject_person_id uuid references people (id) on delete set null,
  unit_id uuid references org_units (id) on delete set null,
  profile_ids uuid[] not null default '{}',
  status text not null check (status in ('draft', 'submitted')),
  -- Bumped on every save, so that a client can tell which of two saves is newer.
  revision integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  submitted_at timestamptz
);
create index responses_campaign_idx on responses (campaign_id, status, unit_id);

create table ratings (
  response_id uuid not null references responses (id) on delete cascade,
  organisation_id uuid not null references organisations (id) on delete cascade,
  node_id uuid not null references framework_nodes (id) on delete restrict,
  level integer,
  is_not_applicable boolean not null default false,
  wants_to_develop boolean not null default false,
  comment text,
  primary key (response_id, node_id),
  check (not (level is not null and is_not_applicable))
);

create table outbox_messages (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id) on delete cascade,
  campaign_id uuid references campaigns (id) on delete cascade,
  invitation_id uuid references invitations (id) on delete cascade,
  kind text not null check (kind in ('invitation', 'reminder')),
  to_email text,
  to_name text not null,
  locale text not null,
  subject text not null,
  -- queued: waiting for SMTP; sent; failed (error says why); manual: no SMTP, the admin sends
  -- the link another way (the link itself is not stored).
  status text not null check (status in ('queued', 'sent', 'failed', 'manual')),
  error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index outbox_messages_org_idx on outbox_messages (organisation_id, created_at);
