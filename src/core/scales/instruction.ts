import type { Instruction } from '../types.js';

/**
 * The respondent instruction of the Dutch GGD/RIVM health monitor (RIVM, verantwoording
 * eenzaamheid), given there before the 11 items; the 6-item scale's items are a subset and the
 * wording names no item count, so it is shipped with both scales. Dutch only: the MANUAL's
 * English instruction was not retrieved, and none is invented (callers pass their own).
 */
export const rivmInstruction = {
  text: {
    nl: 'Wilt u van elk van de volgende uitspraken aangeven in hoeverre die op u, zoals u de laatste tijd bent, van toepassing is?',
  },
  threePointAnswers: { nl: 'U kunt antwoorden met nee, min of meer, ja.' },
  source: 'RIVM, Gezondheidsmonitor: verantwoording eenzaamheid',
} satisfies Instruction;
