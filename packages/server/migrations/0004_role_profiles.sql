-- Role profiles: what and how much one must master in a role, as a target level per competence
-- of one framework version (or "not needed"), with an importance. People get profiles
-- individually, by job-title rule or by unit (with or without sub-units); rules are evaluated
-- when read, so that a new hire in a unit has the unit's profiles at once.
-- carried_from_profile_id links a profile carried forward to a newer framework version.

create table role_profiles (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id) on delete cascade,
  framework_version_id uuid not null references framework_versions (id) on delete restrict,
  name jsonb not null,
  description jsonb,
  is_example boolean not null default false,
  carried_from_profile_id uuid references role_profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index role_profiles_org_idx on role_profiles (organisation_id);

create table role_profile_targets (
  profile_id uuid not null references role_profiles (id) on delete cascade,
  organisation_id uuid not null references organisations (id) on delete cascade,
  node_id uuid not null references framework_nodes (id) on delete restrict,
  -- null: the competence is not needed in this role.
  target_level integer,
  importance text not null default 'essential' check (importance in ('essential', 'useful')),
  primary key (profile_id, node_id)
);

create table role_profile_rules (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id) on delete cascade,
  profile_id uuid not null references role_profiles (id) on delete cascade,
  kind text not null check (kind in ('job_title', 'unit')),
  job_title text,
  unit_id uuid references org_units (id) on delete cascade,
  include_subunits boolean not null default true,
  created_at timestamptz not null default now(),
  check ((kind = 'job_title' and job_title is not null) or (kind = 'unit' and unit_id is not null))
);
create index role_profile_rules_profile_idx on role_profile_rules (profile_id);
create index role_profile_rules_title_idx on role_profile_rules (organisation_id, lower(job_title));

create table person_role_profiles (
  organisation_id uuid not null references organisations (id) on delete cascade,
  person_id uuid not null references people (id) on delete cascade,
  profile_id uuid not null references role_profiles (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (person_id, profile_id)
);
create index person_role_profiles_profile_idx on person_role_profiles (profile_id);
