export * from './decision-log-entry';
