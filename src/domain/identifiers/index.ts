export { buildIdentifierRegister, distinctivePart, genericAgencyType, type IdentifierEntry, type IdentifierSource } from './register';
export { describeForm, formsOf, type Form } from './forms';
export { compileRegister, findIdentifiers, scanText, type LeakHit, type TextMatch, type TextSegment } from './scan';
export { redactText } from './redact';
export { relativeDate, relativiseDatesInText, reportDate, monthsFromStart } from './relative-dates';
export { registerIssues, type RegisterIssue } from './issues';
