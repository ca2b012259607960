import fc from 'fast-check';
import { bodyName, dateNo, kroner, timeNo } from './format';
import { printHeaderCss } from './print-header';

describe('how the pages show values', () => {
  it('shows dates as dd.mm.åååå and instants in Oslo time, summer and winter', () => {
    expect(dateNo('2024-12-31')).toBe('31.12.2024');
    expect(timeNo('2024-12-31T23:30:00.000Z')).toBe('01.01.2025 kl. 00:30');
    expect(timeNo('2024-07-01T21:59:00Z')).toBe('01.07.2024 kl. 23:59');
    expect(timeNo('2024-06-30')).toBe('30.06.2024');
  });

  it('shows bodies by name, and a slug it does not know as it is', () => {
    expect(bodyName('kommunedirektoren')).toBe('Kommunedirektøren');
    expect(bodyName('ukjent-organ')).toBe('ukjent-organ');
  });

  it('shows amounts in whole kroner with Norwegian digit groups', () => {
    expect(kroner(1_812_500).replace(/\s/g, ' ')).toBe('1 812 500 kr');
  });

  it('keeps any page text inside the print header’s CSS string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const css = printHeaderCss(text);
        const content = /content: "(.*)"; font/.exec(css)?.[1] ?? '';
        // Only letters, digits, spaces and escapes: no quote, brace, `<` or newline can end the string.
        expect(content).toMatch(/^([A-Za-z0-9 ]|\\[0-9a-f]+ )*$/);
      }),
    );
  });
});
