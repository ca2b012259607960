// Every read of the read models, for the HTTP API and the CLI alike.
export * from './read-routes';
export * from './route-answers';
export * from './route-match';
export * from './filter-values';
export * from './position';

// Answers as tables: columns from their codecs, Norwegian headers, CSV.
export * from './answer-columns';
export * from './column-headers';
export * from './csv-answer';
export * from './export-registers';
