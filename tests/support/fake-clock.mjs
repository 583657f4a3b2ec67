// Loaded with `node --import` into a server under test: every `new Date()` and `Date.now()` read
// FAKE_NOW (an ISO instant) instead of the machine's clock, so a test decides what day it is.
const fixed = Date.parse(process.env.FAKE_NOW ?? '');
if (Number.isNaN(fixed)) throw new Error('fake-clock: FAKE_NOW must be an ISO date-time');
const RealDate = Date;
class FakeDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(fixed);
    else super(...args);
  }
  static now() {
    return fixed;
  }
}
globalThis.Date = FakeDate;
