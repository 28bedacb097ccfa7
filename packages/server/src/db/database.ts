import type { ColumnType, Generated, Insertable, Kysely, Selectable, Transaction } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;
type Json<T> = ColumnType<T, T | string, T | string>;
type JsonNullable<T> = ColumnType<T | null, T | string | null | undefined, T | string | null>;

export interface OrganisationsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  anonymity_threshold: Generated<number>;
  default_locale: Generated<string>;
  is_demo: Generated<boolean>;
  created_at: Timestamp;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string | null;
  locale: string | null;
  disabled_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface MembershipsTable {
  organisation_id: string;
  user_id: string;
  role: string;
  created_at: Timestamp;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  organisation_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface AuditEventsTable {
  id: Generated<string>;
  organisation_id: string | null;
  actor_user_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  data: JsonNullable<unknown>;
  created_at: Timestamp;
}

export interface FrameworksTable {
  id: Generated<string>;
  organisation_id: string | null;
  key: string;
  name: Json<unknown>;
  description: JsonNullable<unknown>;
  publisher: string | null;
  version_label: string | null;
  language: string | null;
  licence: string | null;
  sources: Json<unknown>;
  derived_from_framework_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FrameworkVersionsTable {
  id: Generated<string>;
  framework_id: string;
  organisation_id: string | null;
  number: number;
  status: string;
  name: Json<unknown>;
  description: JsonNullable<unknown>;
  scale: Json<unknown>;
  completeness: JsonNullable<unknown>;
  source_version_id: string | null;
  content_hash: string | null;
  created_at: Timestamp;
  published_at: NullableTimestamp;
}

export interface FrameworkNodesTable {
  id: Generated<string>;
  version_id: string;
  organisation_id: string | null;
  parent_id: string | null;
  code: string;
  kind: string;
  position: number;
  name: Json<unknown>;
  description: JsonNullable<unknown>;
  colour: string | null;
  node_group: Generated<string>;
  is_hidden: Generated<boolean>;
  level_descriptors: JsonNullable<unknown>;
  note: JsonNullable<unknown>;
  source_node_id: string | null;
}

export interface OrgUnitsTable {
  id: Generated<string>;
  organisation_id: string;
  parent_id: string | null;
  code: string;
  name: string;
  manager_person_id: string | null;
  is_active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrgUnitClosureTable {
  organisation_id: string;
  ancestor_id: string;
  descendant_id: string;
  depth: number;
}

export interface PeopleTable {
  id: Generated<string>;
  organisation_id: string;
  employee_number: string;
  name: string;
  email: string | null;
  unit_id: string | null;
  manager_id: string | null;
  job_title: string | null;
  locale: string | null;
  is_active: Generated<boolean>;
  user_id: string | null;
  search_text: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  deactivated_at: NullableTimestamp;
}

export interface ImportMappingsTable {
  organisation_id: string;
  kind: string;
  mapping: Json<unknown>;
  updated_at: Timestamp;
}

export interface RoleProfilesTable {
  id: Generated<string>;
  organisation_id: string;
  framework_version_id: string;
  name: Json<unknown>;
  description: JsonNullable<unknown>;
  is_example: Generated<boolean>;
  carried_from_profile_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RoleProfileTargetsTable {
  profile_id: string;
  organisation_id: string;
  node_id: string;
  target_level: number | null;
  importance: Generated<string>;
}

export interface RoleProfileRulesTable {
  id: Generated<string>;
  organisation_id: string;
  profile_id: string;
  kind: string;
  job_title: string | null;
  unit_id: string | null;
  include_subunits: Generated<boolean>;
  created_at: Timestamp;
}

export interface PersonRoleProfilesTable {
  organisation_id: string;
  person_id: string;
  profile_id: string;
  created_at: Timestamp;
}

export interface CampaignsTable {
  id: Generated<string>;
  organisation_id: string;
  name: Json<unknown>;
  framework_version_id: string;
  node_ids: string[] | null;
  audience: Json<unknown>;
  opens_at: Timestamp;
  closes_at: Timestamp;
  modes: string[];
  languages: string[];
  anonymity: string;
  scheduled_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface InvitationsTable {
  id: Generated<string>;
  organisation_id: string;
  campaign_id: string;
  kind: string;
  respondent_person_id: string;
  subject_person_id: string;
  unit_id: string | null;
  token_hash: string | null;
  token_issued_at: NullableTimestamp;
  sent_at: NullableTimestamp;
  reminded_at: NullableTimestamp;
  reminder_count: Generated<number>;
  started_at: NullableTimestamp;
  submitted_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface ResponsesTable {
  id: Generated<string>;
  organisation_id: string;
  campaign_id: string;
  invitation_id: string | null;
  kind: string;
  subject_person_id: string | null;
  unit_id: string | null;
  profile_ids: Generated<string[]>;
  status: string;
  revision: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  submitted_at: NullableTimestamp;
}

export interface RatingsTable {
  response_id: string;
  organisation_id: string;
  node_id: string;
  level: number | null;
  is_not_applicable: Generated<boolean>;
  wants_to_develop: Generated<boolean>;
  comment: string | null;
  /** The highest target of the respondent's role profiles when the answer was saved. */
  target: number | null;
}

/** Counts per (campaign, unit or ancestor, profile, kind, competence, level, shard). */
export interface RatingRollupsTable {
  campaign_id: string;
  unit_id: string;
  /** The nil uuid for "every profile". */
  profile_id: string;
  kind: string;
  node_id: string;
  /** 0: not relevant / don't know. */
  level: number;
  shard: number;
  respondents: number;
  wants_to_develop: number;
  /** Answers with a level whose respondent's profiles set a target. */
  with_target: number;
  /** ... of which at or above the target. */
  meeting_target: number;
  /** Sum of (target - level) over those below their target. */
  shortfall: number;
}

/** Submitted responses per (campaign, unit or ancestor, profile, kind, shard). */
export interface ResponseRollupsTable {
  campaign_id: string;
  unit_id: string;
  profile_id: string;
  kind: string;
  shard: number;
  respondents: number;
}

export interface OutboxMessagesTable {
  id: Generated<string>;
  organisation_id: string;
  campaign_id: string | null;
  invitation_id: string | null;
  kind: string;
  to_email: string | null;
  to_name: string;
  locale: string;
  subject: string;
  status: string;
  error: string | null;
  created_at: Timestamp;
  sent_at: NullableTimestamp;
}

export interface Database {
  organisations: OrganisationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
  frameworks: FrameworksTable;
  framework_versions: FrameworkVersionsTable;
  framework_nodes: FrameworkNodesTable;
  org_units: OrgUnitsTable;
  org_unit_closure: OrgUnitClosureTable;
  people: PeopleTable;
  import_mappings: ImportMappingsTable;
  role_profiles: RoleProfilesTable;
  role_profile_targets: RoleProfileTargetsTable;
  role_profile_rules: RoleProfileRulesTable;
  person_role_profiles: PersonRoleProfilesTable;
  campaigns: CampaignsTable;
  invitations: InvitationsTable;
  responses: ResponsesTable;
  ratings: RatingsTable;
  rating_rollups: RatingRollupsTable;
  response_rollups: ResponseRollupsTable;
  outbox_messages: OutboxMessagesTable;
}

/** What a repository runs its SQL on: the database, or a transaction a service opened. */
export type Executor = Kysely<Database> | Transaction<Database>;

export type FrameworkRow = Selectable<FrameworksTable>;
export type FrameworkVersionRow = Selectable<FrameworkVersionsTable>;
export type FrameworkNodeRow = Selectable<FrameworkNodesTable>;
export type NewFrameworkNode = Insertable<FrameworkNodesTable>;
