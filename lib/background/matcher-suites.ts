// What every frame's matcher is built from (suites with codes and titles only, plus the user's own codes), built once
// per version of the standards and shared by every frame of every tab, instead of once per frame.
import type { NosDatabase } from '../db';
import { withOwnCodes } from '../dataset/user';
import { assembleSuites } from '../store/suites';
import { listOwnCodes } from '../store/own-codes';
import { standardsRevision } from '../store/revision';

export type MatcherSuites = ReturnType<typeof withOwnCodes>;

export class MatcherSuitesCache {
  private built: { revision: string; suites: Promise<MatcherSuites> } | null = null;

  constructor(private readonly db: NosDatabase) {}

  /** The matcher's suites for the standards as stored now; rebuilt only after they changed. */
  async get(): Promise<MatcherSuites> {
    const revision = await standardsRevision(this.db);
    if (this.built?.revision !== revision) {
      const suites = this.build();
      this.built = { revision, suites };
      suites.catch(() => {
        if (this.built?.suites === suites) this.built = null;
      });
    }
    return this.built.suites;
  }

  private async build(): Promise<MatcherSuites> {
    const [suites, ownCodes] = await Promise.all([assembleSuites(this.db, { slim: true }), listOwnCodes(this.db)]);
    return withOwnCodes(suites, ownCodes);
  }
}
