// Every read and write of the database, one module per table; the background and the extension pages both use these.
export * from './captured';
export * from './courses';
export * from './errors';
export * from './evidence';
export * from './files';
export * from './own-codes';
export * from './portfolio';
export * from './revision';
export * from './settings';
export * from './suites';
