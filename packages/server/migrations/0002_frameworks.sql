-- Competence frameworks: framework -> versions (draft | published) -> node tree.
-- organisation_id is null for frameworks shipped with Evne (readable by every organisation,
-- changeable by none); organisations adapt a copy. Names and descriptions are jsonb
-- {da, nb, en}. A published version is immutable: the service refuses changes and the
-- triggers below make the database refuse them too, whatever code path tries.

create table frameworks (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid references organisations (id) on delete cascade,
  key text not null,
  name jsonb not null,
  description jsonb,
  publisher text,
  version_label text,
  language text check (language in ('da', 'nb', 'en')),
  licence text,
  sources jsonb not null default '[]',
  derived_from_framework_id uuid references frameworks (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique nulls not distinct (organisation_id, key)
);

create table framework_versions (
  id uuid primary key default gen_random_uuid(),
  framework_id uuid not null references frameworks (id) on delete cascade,
  organisation_id uuid references organisations (id) on delete cascade,
  number integer not null check (number >= 1),
  status text not null check (status in ('draft', 'published')),
  name jsonb not null,
  description jsonb,
  scale jsonb not null,
  completeness jsonb,
  source_version_id uuid references framework_versions (id) on delete set null,
  -- Hash of the exported document, so that importing the same file twice stores nothing.
  content_hash text,
  created_at timestamptz not null default now(),
  published_at timestamptz,
  unique (framework_id, number)
);
create unique index framework_versions_one_draft on framework_versions (framework_id)
  where status = 'draft';
create index framework_versions_org_idx on framework_versions (organisation_id);

create table framework_nodes (
  id uuid primary key default gen_random_uuid(),
  version_id uuid not null references framework_versions (id) on delete cascade,
  organisation_id uuid references organisations (id) on delete cascade,
  parent_id uuid references framework_nodes (id) on delete cascade,
  code text not null,
  kind text not null check (kind in ('area', 'subcategory', 'competence')),
  position integer not null,
  name jsonb not null,
  description jsonb,
  colour text,
  node_group text not null default 'wheel' check (node_group in ('wheel', 'foundational')),
  is_hidden boolean not null default false,
  level_descriptors jsonb,
  note jsonb,
  -- Lineage: the node of the earlier version or source framework this one was copied from.
  source_node_id uuid references framework_nodes (id) on delete set null,
  unique (version_id, code)
);
create index framework_nodes_parent_idx on framework_nodes (version_id, parent_id, position);
create index framework_nodes_source_idx on framework_nodes (source_node_id);

create function refuse_published_version_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and old.status = 'published' then
    raise exception 'framework version % is published and immutable', old.id
      using errcode = 'check_violation';
  end if;
  if tg_op = 'DELETE' and old.status = 'published' and exists (select 1 from frameworks where id = old.framework_id) then
    raise exception 'framework version % is published and cannot be deleted', old.id
      using errcode = 'check_violation';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end $$;

create trigger framework_versions_immutable
  before update or delete on framework_versions
  for each row execute function refuse_published_version_change();

create function refuse_published_node_change() returns trigger language plpgsql as $$
declare
  v_status text;
begin
  select status into v_status from framework_versions
    where id = case when tg_op = 'INSERT' then new.version_id else old.version_id end;
  if v_status = 'published' then
    raise exception 'nodes of a published framework version are immutable'
      using errcode = 'check_violation';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end $$;

create trigger framework_nodes_immutable
  before insert or update or delete on framework_nodes
  for each row execute function refuse_published_node_change();
