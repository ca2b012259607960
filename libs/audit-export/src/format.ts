/**
 * The export format's single implementation lives in ../verifier/verify-export.js, because that file must
 * run alone in every export folder; the writer uses it through these typed exports.
 */
export * from '../verifier/verify-export.js';
