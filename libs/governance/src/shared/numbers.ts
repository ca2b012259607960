import { refinedNumber } from './expectation';

export const PositiveInt = refinedNumber('PositiveInt', (n) => Number.isSafeInteger(n) && n >= 1, {
  nb: 'må være et helt tall større enn 0',
  en: 'must be a whole number greater than 0',
});

/** Money as whole Norwegian kroner (NOK, ex. VAT): integers, so sums and thresholds are exact. */
export const Nok = refinedNumber('Nok', (n) => Number.isSafeInteger(n) && n >= 0, {
  nb: 'må være et beløp i hele kroner (0 eller mer)',
  en: 'must be an amount in whole kroner (0 or more)',
});

export const Percent = refinedNumber('Percent', (n) => n > 0 && n <= 100, {
  nb: 'må være en prosentandel over 0 og høyst 100',
  en: 'must be a percentage above 0 and at most 100',
});
