/** Whole kroner with spaces between thousands: `1 300 000 kr`. */
export const formatNok = (amount: number): string =>
  `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} kr`;
