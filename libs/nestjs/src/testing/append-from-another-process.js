// A second process that runs one governance command against a store through the built application layer
// (libs/app/dist), as the CLI would, and prints the result as one JSON line. Started by the module's tests.
//   node append-from-another-process.js STORE_URL COMMAND_JSON CALLER_JSON
'use strict';
const { createCommandExecutor, openStore } = require('../../../app/dist/index.js');

const [storeUrl, command, caller] = process.argv.slice(2);

const main = async () => {
  const store = await openStore(storeUrl);
  try {
    const result = await createCommandExecutor(store.events).execute(JSON.parse(command), JSON.parse(caller));
    process.stdout.write(
      `${JSON.stringify(result, (_key, value) => (typeof value === 'bigint' ? String(value) : value))}\n`,
    );
  } finally {
    await store.close();
  }
};

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
});
