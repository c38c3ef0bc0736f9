// Limits shared by everything that stores or carries a unit: the dataset files, a user's suites, the unit references
// evidence keeps (lib/portfolio/schema.ts) and captured NOS records (lib/capture/record-schema.ts), so whatever is
// stored can be exported and imported back. A module of its own so the capture schema can use them without a cycle.
export const ID_LIMIT = 200;
export const CODE_LIMIT = 100;
export const TITLE_LIMIT = 1_000;
