-- Rollups: the counts that every overview reads, so that no overview query reads individual
-- ratings. They are kept in the same statement that submits (or edits a submitted) response:
-- one row per (campaign, unit or ancestor of the response's unit, role profile, rater kind,
-- competence, level, shard). A response counts in its unit and in every ancestor, under
-- profile "all" (the nil uuid) and under each of its role profiles. level 0 is "not relevant /
-- don't know". Against the role profile's target, each row counts the answers that had a target,
-- those that met it, and the sum of the shortfalls. The shard spreads concurrent submissions over
-- several rows, so that they do not queue on one hot row of the root unit; readers sum over
-- shards, and closing a campaign folds its shards into shard 0.
--
-- ratings.target keeps the highest target of the respondent's profiles when the answer was
-- given, so that the gap is measured against the profile that applied then, and so that the
-- rollups can always be rebuilt from the ratings alone.

alter table ratings add column target integer;

create table rating_rollups (
  campaign_id uuid not null references campaigns (id) on delete cascade,
  unit_id uuid not null references org_units (id) on delete cascade,
  profile_id uuid not null,
  kind text not null check (kind in ('self', 'manager')),
  node_id uuid not null,
  level integer not null,
  shard smallint not null,
  respondents integer not null,
  wants_to_develop integer not null,
  with_target integer not null,
  meeting_target integer not null,
  shortfall integer not null,
  primary key (campaign_id, unit_id, profile_id, kind, node_id, level, shard)
);

create table response_rollups (
  campaign_id uuid not null references campaigns (id) on delete cascade,
  unit_id uuid not null references org_units (id) on delete cascade,
  profile_id uuid not null,
  kind text not null check (kind in ('self', 'manager')),
  shard smallint not null,
  respondents integer not null,
  primary key (campaign_id, unit_id, profile_id, kind, shard)
);
