/** PostgreSQL's code for a connection it ends because the server is shutting down (`57P01`). */
const ADMIN_SHUTDOWN = '57P01';

const isAdminShutdown = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === ADMIN_SHUTDOWN;

/**
 * Stops a throwaway cluster when a peer library may still hold an idle pooled client: Emmett's pools can
 * keep one after every close (`endAllPools` included, seen twice in CI), the shutdown ends it, and its pool,
 * having no 'error' listener, would throw and end the bench. Only that error, and only while the cluster
 * stops, is expected; any other still ends the process.
 */
export const stopExpectingIdleClientsToDrop = async (stop: () => Promise<void>): Promise<void> => {
  const onUncaught = (error: unknown) => {
    if (isAdminShutdown(error)) return;
    process.off('uncaughtException', onUncaught);
    throw error;
  };
  process.on('uncaughtException', onUncaught);
  try {
    await stop();
  } finally {
    // The terminations arrive before the server's sockets close; one turn more lets the last be delivered.
    await new Promise((resolve) => setImmediate(resolve));
    process.off('uncaughtException', onUncaught);
  }
};
