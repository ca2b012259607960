import { Client, type ClientConfig } from 'pg';

/**
 * One LISTEN connection per store that wakes its live subscriptions when any process appends. It is only a
 * hint: subscriptions also poll, so a lost connection or notification delays delivery but never loses an
 * event. The connection opens with the first listener and reconnects while anyone listens.
 */
export class AppendNotifier {
  readonly #config: ClientConfig;
  readonly #channel: string;
  readonly #listeners = new Set<() => void>();
  #client: Client | undefined;
  #connecting: Promise<void> | undefined;
  #retry: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(config: ClientConfig, quotedChannel: string) {
    this.#config = config;
    this.#channel = quotedChannel;
  }

  /** Calls `listener` after appends (and after reconnecting, when some may have been missed). */
  listen(listener: () => void): () => void {
    this.#listeners.add(listener);
    this.#connect();
    return () => this.#listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#retry);
    await this.#connecting;
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => undefined);
  }

  #notify() {
    this.#listeners.forEach((listener) => listener());
  }

  #connect() {
    if (this.#closed || this.#client !== undefined || this.#connecting !== undefined) return;
    this.#connecting = this.#open().finally(() => (this.#connecting = undefined));
  }

  async #open() {
    const client = new Client(this.#config);
    client.on('error', () => this.#drop(client));
    client.on('notification', () => this.#notify());
    try {
      await client.connect();
      await client.query(`LISTEN ${this.#channel}`);
    } catch {
      await client.end().catch(() => undefined);
      this.#scheduleReconnect();
      return;
    }
    if (this.#closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.#client = client;
    this.#notify();
  }

  #drop(client: Client) {
    if (this.#client !== client) return;
    this.#client = undefined;
    client.end().catch(() => undefined);
    this.#scheduleReconnect();
  }

  #scheduleReconnect() {
    if (this.#closed || this.#listeners.size === 0) return;
    clearTimeout(this.#retry);
    this.#retry = setTimeout(() => this.#connect(), 1000);
    this.#retry.unref();
  }
}
