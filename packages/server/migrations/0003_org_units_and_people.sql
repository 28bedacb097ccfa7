-- The organisation from top to bottom: a unit tree of any depth and the people in it.
-- org_unit_closure holds one row per (ancestor, descendant) pair including (u, u), so that
-- "this unit and everything under it" is one indexed predicate for every later overview; it is
-- rebuilt for the organisation whenever the tree changes (a few rows per unit).
-- People are never deleted by an import: a person left out of a full import is deactivated, so
-- that their answers stay.

create table org_units (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id) on delete cascade,
  parent_id uuid references org_units (id) on delete restrict,
  code text not null,
  name text not null,
  manager_person_id uuid,
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organisation_id, code)
);
create index org_units_parent_idx on org_units (organisation_id, parent_id);

create table org_unit_closure (
  organisation_id uuid not null references organisations (id) on delete cascade,
  ancestor_id uuid not null references org_units (id) on delete cascade,
  descendant_id uuid not null references org_units (id) on delete cascade,
  depth integer not null,
  primary key (ancestor_id, descendant_id)
);
create index org_unit_closure_descendant_idx on org_unit_closure (descendant_id, depth);
create index org_unit_closure_org_idx on org_unit_closure (organisation_id);

create table people (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id) on delete cascade,
  employee_number text not null,
  name text not null,
  email text,
  unit_id uuid references org_units (id) on delete set null,
  manager_id uuid references people (id) on delete set null,
  job_title text,
  locale text check (locale in ('da', 'nb', 'en')),
  is_active boolean not null default true,
  user_id uuid references users (id) on delete set null,
  -- Lower-cased name, email, number and title: what the people search matches.
  search_text text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deactivated_at timestamptz,
  unique (organisation_id, employee_number)
);
create index people_unit_idx on people (organisation_id, unit_id);
create index people_manager_idx on people (organisation_id, manager_id);
create index people_name_idx on people (organisation_id, name, id);
create index people_user_idx on people (user_id);
create unique index people_org_user_key on people (organisation_id, user_id) where user_id is not null;

alter table org_units
  add constraint org_units_manager_fk foreign key (manager_person_id) references people (id) on delete set null;

-- The column mapping chosen for each kind of import file, remembered per organisation.
create table import_mappings (
  organisation_id uuid not null references organisations (id) on delete cascade,
  kind text not null check (kind in ('units', 'people')),
  mapping jsonb not null,
  updated_at timestamptz not null default now(),
  primary key (organisation_id, kind)
);
