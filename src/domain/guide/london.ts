/** Instants people read in the guide, as Europe/London wall time. Intl formats what it is given: it is not a clock. */
const londonDateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const londonDate = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' });

/** "3 March 2026 at 14:05"; the text itself when it is not an instant. */
export function londonDateTimeText(instant: string): string {
  const millis = Date.parse(instant);
  return Number.isNaN(millis) ? instant : londonDateTime.format(new Date(millis));
}

/** "3 March 2026". */
export function londonDateText(instant: string): string {
  const millis = Date.parse(instant);
  return Number.isNaN(millis) ? instant : londonDate.format(new Date(millis));
}
