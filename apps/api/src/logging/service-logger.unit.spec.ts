import { Writable } from 'node:stream';
import { serviceLogger } from './service-logger';

/** Everything written to it, as text. */
const collector = () => {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
};

describe('serviceLogger', () => {
  it('writes readable lines on a terminal', () => {
    const out = collector();
    serviceLogger('info', true, out.stream).info({ url: 'http://127.0.0.1:3000' }, 'listening');
    expect(out.text()).toMatch(/INFO.*listening/);
    expect(out.text()).toContain('url: "http://127.0.0.1:3000"');
    expect(out.text().trimStart().startsWith('{')).toBe(false);
  });

  it('writes one JSON object per line otherwise', () => {
    const out = collector();
    serviceLogger('info', false, out.stream).info({ url: 'http://127.0.0.1:3000' }, 'listening');
    expect(JSON.parse(out.text())).toMatchObject({
      msg: 'listening',
      url: 'http://127.0.0.1:3000',
      level: 30,
    });
  });
});
