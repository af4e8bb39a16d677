export { judge, requiredLevel } from "./judge";
export { resolveTarget, targetForYear, type EarlierValue, type Resolution } from "./targets";
export { holds, signedGap } from "./compare";
export type {
  AppliedTarget, Basis, Entry, EntryPart, Figure, JudgeContext, Judgement, JudgeNote, JudgeNoteCode, JudgeProblem, JudgeProblemCode,
} from "./types";
