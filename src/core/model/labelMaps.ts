import { LabelMap } from "./parse";
import { LEVELS, STAGES, TIERS } from "../template/lists";

/** Dropdown labels (either language, forgiving spacing and case) → the keys the rules use. */
export const stageMap = new LabelMap(STAGES);
export const levelMap = new LabelMap(LEVELS);
export const tierMap = new LabelMap(TIERS);
export const overrideMap = new LabelMap({ A: { "zh-CN": "A", "en-US": "A" }, B: { "zh-CN": "B", "en-US": "B" }, C: { "zh-CN": "C", "en-US": "C" } } as const);
