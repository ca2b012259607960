export * from './options';
export * from './styring.module';
export * from './styring-lifecycle';
export * from './commands/styring-command';
export * from './events/styring-event';
export * from './events/styring-events';
export * from './events/event-id-provider';
