/**
 * The running header of a printed page: its title and the point in time, in a page margin box. The text is
 * page data, so it goes into the CSS string escaped character by character (only letters, digits and
 * spaces stay as they are), and the `<style>` element carries the response's CSP nonce.
 */
const cssString = (text: string): string =>
  `"${[...text].map((char) => (/[A-Za-z0-9 ]/.test(char) ? char : `\\${char.codePointAt(0)?.toString(16)} `)).join('')}"`;

export const printHeaderCss = (text: string): string =>
  `@page { @top-left { content: ${cssString(text)}; font: 9pt system-ui, sans-serif; } }`;
