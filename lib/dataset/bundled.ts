// The dataset that ships with the extension: the JSON files under data/, validated once and given a content-derived version.
import * as v from 'valibot';
import { DatasetSchema, type Dataset } from './schema';
import { mergePrintedAliases, PrintedAliasFileSchema } from './printed';
import lss from '../../data/suites/lss.json';
import lm from '../../data/suites/lm.json';
import sw from '../../data/suites/sw.json';
import ldss from '../../data/suites/ldss.json';
import ag from '../../data/suites/ag.json';
import justiceCaseworkers from '../../data/suites/justice-caseworkers.json';
import justiceCommon from '../../data/suites/justice-common.json';
import legalAdvice from '../../data/suites/legal-advice.json';
import wp from '../../data/suites/wp.json';
import ccld from '../../data/suites/ccld.json';
import cypw3 from '../../data/suites/cypw3.json';
import ecmOutcomes from '../../data/frameworks/ecm-outcomes.json';
import commonCore from '../../data/frameworks/common-core.json';
import lmFunctionalMap from '../../data/frameworks/lm-functional-map.json';
import careerRoutes from '../../data/frameworks/support-staff-career-routes.json';
import priorities from '../../data/frameworks/support-staff-priorities-2004-05.json';
import ppsPrinciples from '../../data/frameworks/pps-principles-values.json';
import ppsSuites from '../../data/frameworks/pps-nos-suites.json';
import cypw3Printed from '../../data/aliases/cypw3.json';

/** The bundled files, in the order the popup lists them. */
export const rawBundledDataset = {
  suites: [lss, lm, ldss, wp, cypw3, sw, ag, justiceCaseworkers, justiceCommon, legalAdvice, ccld],
  frameworks: [ecmOutcomes, commonCore, lmFunctionalMap, careerRoutes, priorities, ppsPrinciples, ppsSuites],
};

/** Codes and titles others print for the bundled units, each with its source (data/aliases/), kept apart from the seeds. */
export const rawPrintedAliases = [cypw3Printed];

let cached: Dataset | undefined;

/**
 * The bundled dataset, parsed against the schema, with the printed codes and titles merged into their units (throws
 * on a malformed data file: a build that ships one is broken).
 */
export function loadBundledDataset(): Dataset {
  if (!cached) {
    const seedOnly = v.parse(DatasetSchema, rawBundledDataset);
    const printed = rawPrintedAliases.map((file) => v.parse(PrintedAliasFileSchema, file));
    cached = { ...seedOnly, suites: mergePrintedAliases(seedOnly.suites, printed) };
  }
  return cached;
}

/** FNV-1a over the dataset's JSON: any change to data/ gives a new version, so the background reseeds exactly when needed. */
export function datasetVersion(dataset: Dataset): string {
  const s = JSON.stringify(dataset);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${s.length.toString(36)}-${(h >>> 0).toString(36)}`;
}
