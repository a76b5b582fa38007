export { LANGUAGE_TERMS, type LanguageConcern, type LanguageTerm } from './terms';
export { checkLanguage, languageFindings, phraseOf, previewFindings, sameLocation, type LanguageFinding, type LanguageFlag } from './check';
export { reviewTexts, type ReviewText } from './review-texts';
