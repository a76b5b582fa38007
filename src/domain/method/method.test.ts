import { describe, expect, it } from 'vitest';
import { CONVERSATION_STEPS, CONVERSATION_STEP_IDS } from './conversation-steps';
import { ALL_FACTOR_IDS, FACTOR_LEVELS, FACTOR_TYPES, findFactor, isFactorId } from './factor-framework';
import { RECOMMENDATION_KINDS } from './recommendation-kinds';
import { REPORT_STAGES } from './report-stages';
import { findSubPattern, flattenSubPatterns, TYPOLOGY } from './typology';

// Counts transcribed by hand from SCIE's guide (Resource Guide 13, Appendices 3, 5 and 6 and Section 3),
// so a slip in the typed data shows up here.

describe('Appendix 3: the conversation structure', () => {
  it('has the ten step entries 1, 2, 3a, 3b, 4 to 9, in order', () => {
    expect(CONVERSATION_STEPS.map((step) => step.id)).toEqual(['1', '2', '3a', '3b', '4', '5', '6', '7', '8', '9']);
    expect(CONVERSATION_STEP_IDS).toEqual(CONVERSATION_STEPS.map((step) => step.id));
    expect(CONVERSATION_STEPS.map((step) => step.number)).toEqual([1, 2, 3, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('has the exact number of prompts the guide gives for each step', () => {
    const prompts = Object.fromEntries(CONVERSATION_STEPS.map((step) => [step.id, step.prompts.length]));
    expect(prompts).toEqual({ '1': 3, '2': 1, '3a': 1, '3b': 7, '4': 9, '5': 2, '6': 0, '7': 1, '8': 1, '9': 2 });
  });

  it('keeps step 4’s lead-in question and the guide’s own wording', () => {
    expect(CONVERSATION_STEPS.find((step) => step.id === '4')?.leadIn).toMatch(/^What were the key factors/);
    expect(CONVERSATION_STEPS.find((step) => step.id === '3b')?.prompts[0]).toBe('What did you think was going on here?');
  });

  it('fits the 90-minute conversation', () => {
    expect(CONVERSATION_STEPS.reduce((sum, step) => sum + step.suggestedMinutes, 0)).toBe(90);
  });
});

describe('Appendix 5: the framework for contributory factors', () => {
  it('has 3 levels and 8 factor types', () => {
    expect(FACTOR_LEVELS.map((level) => level.id)).toEqual(['frontLine', 'localStrategic', 'national']);
    expect(FACTOR_TYPES).toHaveLength(8);
  });

  it('has 74 factors, split by type as the guide lists them', () => {
    const perType = Object.fromEntries(FACTOR_TYPES.map((type) => [type.id, type.factors.length]));
    expect(perType).toEqual({ family: 17, personal: 9, role: 3, conditions: 7, ownTeam: 10, interAgency: 10, organisational: 14, political: 4 });
    expect(ALL_FACTOR_IDS).toHaveLength(74);
  });

  it('puts six types at the front line, one at local strategic level and one at national level', () => {
    const perLevel = FACTOR_TYPES.reduce<Record<string, number>>((counts, type) => ({ ...counts, [type.level]: (counts[type.level] ?? 0) + 1 }), {});
    expect(perLevel).toEqual({ frontLine: 6, localStrategic: 1, national: 1 });
  });

  it('has unique ids, and every id leads back to its level and type', () => {
    expect(new Set(ALL_FACTOR_IDS).size).toBe(ALL_FACTOR_IDS.length);
    expect(new Set(FACTOR_TYPES.map((type) => type.id)).size).toBe(8);
    for (const type of FACTOR_TYPES) {
      for (const factor of type.factors) {
        expect(findFactor(factor.id)?.type.id).toBe(type.id);
        expect(findFactor(factor.id)?.level.id).toBe(type.level);
      }
    }
    expect(isFactorId('family.not-a-factor')).toBe(false);
  });
});

describe('Appendix 6: the typology of underlying patterns', () => {
  it('has 6 categories numbered 1 to 6', () => {
    expect(TYPOLOGY.map((category) => category.number)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('has 20 top-level sub-patterns and 17 nested ones: 37 in all', () => {
    const topLevel = TYPOLOGY.reduce((sum, category) => sum + category.subPatterns.length, 0);
    const all = TYPOLOGY.flatMap((category) => flattenSubPatterns(category.subPatterns));
    expect(topLevel).toBe(20);
    expect(all.length - topLevel).toBe(17);
    expect(all).toHaveLength(37);
  });

  it('has unique sub-pattern ids, each found in its own category', () => {
    const all = TYPOLOGY.flatMap((category) => flattenSubPatterns(category.subPatterns).map((subPattern) => ({ category, subPattern })));
    expect(new Set(all.map(({ subPattern }) => subPattern.id)).size).toBe(37);
    for (const { category, subPattern } of all) expect(findSubPattern(subPattern.id)?.category.number).toBe(category.number);
  });
});

describe('Section 3: recommendations and report stages', () => {
  it('has 3 kinds of recommendation, numbered 1 to 3', () => {
    expect(RECOMMENDATION_KINDS.map((kind) => [kind.number, kind.id])).toEqual([
      [1, 'clearCutLocal'],
      [2, 'needsJudgement'],
      [3, 'needsResearch'],
    ]);
  });

  it('has 4 report stages, only the last of them public', () => {
    expect(REPORT_STAGES.map((stage) => stage.id)).toEqual(['preliminary', 'interim', 'finalDraft', 'finalPublic']);
    expect(REPORT_STAGES.filter((stage) => stage.audience === 'public').map((stage) => stage.id)).toEqual(['finalPublic']);
  });
});
