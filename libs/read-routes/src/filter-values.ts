import { positionOf } from './position';
import type { FilterType } from './read-routes';

/** A filter value that is not of its filter's type: the field and why, in Norwegian and English. */
export class InvalidFilter extends Error {
  override readonly name = 'InvalidFilter';
  constructor(
    readonly field: string,
    readonly messageNb: string,
    messageEn: string,
  ) {
    super(messageEn);
  }
}

/** A filter's value as its query option, from the text of a query string or a command-line flag. */
export const filterValue = (name: string, type: FilterType, value: string): unknown => {
  switch (type) {
    case 'string':
      return value;
    case 'number':
      if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(Number(value)))
        throw new InvalidFilter(name, 'må være et heltall', 'must be an integer');
      return Number(value);
    case 'bigint': {
      const position = positionOf(value);
      if (position === undefined) throw new InvalidFilter(name, 'må være en posisjon', 'must be a position');
      return position;
    }
    case 'boolean':
      if (value !== 'true' && value !== 'false') {
        throw new InvalidFilter(name, 'må være true eller false', 'must be true or false');
      }
      return value === 'true';
  }
};
