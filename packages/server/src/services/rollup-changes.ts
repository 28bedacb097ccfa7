/**
 * Tells readers of the rollups whether they changed. Every write that changes rollups runs
 * through `writing`; `generation` is null while such a write is in flight and otherwise changes
 * whenever one has finished. A reader that caches something computed from the rollups keeps it
 * only while the generation it was computed at is still current.
 *
 * This watches the writes of this process; it assumes one server process per database, as
 * PGlite requires and as Evne is deployed.
 */
export interface RollupChanges {
  /** Runs a write that changes the rollups of one campaign (or of every campaign: null). */
  writing<T>(campaignId: string | null, work: () => Promise<T>): Promise<T>;
  /** The current generation of a campaign's rollups, or null while a write is in flight. */
  generation(campaignId: string): string | null;
}

export function createRollupChanges(): RollupChanges {
  const everything = { generation: 0, inFlight: 0 };
  const campaigns = new Map<string, { generation: number; inFlight: number }>();
  const stateOf = (campaignId: string | null) => {
    if (campaignId === null) {
      return everything;
    }
    let state = campaigns.get(campaignId);
    if (!state) {
      state = { generation: 0, inFlight: 0 };
      campaigns.set(campaignId, state);
    }
    return state;
  };
  return {
    async writing(campaignId, work) {
      const state = stateOf(campaignId);
      state.inFlight += 1;
      try {
        return await work();
      } finally {
        state.generation += 1;
        state.inFlight -= 1;
      }
    },
    generation(campaignId) {
      const state = stateOf(campaignId);
      if (state.inFlight > 0 || everything.inFlight > 0) {
        return null;
      }
      return `${everything.generation}:${state.generation}`;
    },
  };
}
