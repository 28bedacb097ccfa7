-- Tenants, people who sign in, their role in each organisation, and server-side sessions.
-- Sessions are rows (not signed cookies) so that signing out and disabling a user take effect
-- at once; only a SHA-256 hash of the session id is stored, so a leaked table cannot be replayed.

create table organisations (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique,
  name text not null,
  -- k: the smallest group any aggregate may describe (never below 3).
  anonymity_threshold integer not null default 5 check (anonymity_threshold >= 3),
  default_locale text not null default 'da' check (default_locale in ('da', 'nb', 'en')),
  is_demo boolean not null default false,
  created_at timestamptz not null default now()
);

create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  name text not null,
  password_hash text,
  locale text check (locale in ('da', 'nb', 'en')),
  disabled_at timestamptz,
  created_at timestamptz not null default now()
);
create unique index users_email_key on users (lower(email));

create table memberships (
  organisation_id uuid not null references organisations (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  role text not null check (role in ('admin', 'manager', 'employee')),
  created_at timestamptz not null default now(),
  primary key (organisation_id, user_id)
);
create index memberships_user_idx on memberships (user_id);

create table sessions (
  id_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  organisation_id uuid not null references organisations (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user_idx on sessions (user_id);

-- Every change, and every read of personal data by someone else, leaves a row here.
create table audit_events (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid references organisations (id) on delete cascade,
  actor_user_id uuid references users (id) on delete set null,
  action text not null,
  subject_type text not null,
  subject_id text,
  data jsonb,
  created_at timestamptz not null default now()
);
create index audit_events_org_idx on audit_events (organisation_id, created_at);
