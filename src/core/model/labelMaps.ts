import { LabelMap } from "./parse";
import { LEVELS, STAGES, TIERS } from "../template/lists";

/** Dropdown labels (either language, forgiving spacing and case) → the keys the rules use. */
export const stageMap = new LabelMap(STAGES);
export const levelMap = new LabelMap(LEVELS);
export const tierMap = new LabelMap(TIERS);
export const overrideMap = new LabelMap({ A: { zh: "A", en: "A" }, B: { zh: "B", en: "B" }, C: { zh: "C", en: "C" } } as const);
