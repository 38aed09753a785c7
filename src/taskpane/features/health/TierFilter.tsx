import { Dropdown, Field, Option } from "@fluentui/react-components";
import { usePane } from "../../context";
import { healthText } from "../../../core/health/messages";
import { RANKED_TIERS, type ValueTier } from "../../../core/health/types";
import { healthT } from "./strings";

export type TierChoice = ValueTier | "all";

/** Narrows the due list to one value tier. */
export function TierFilter(props: { value: TierChoice; onChange: (t: TierChoice) => void }) {
  const { lang, t } = usePane();
  const h = healthText(lang);
  const label = (t: TierChoice) => (t === "all" ? healthT(lang, "tierAll") : h.tier[t]);
  return (
    <Field label={healthT(lang, "tierFilter")}>
      <Dropdown
        clearButton={{ "aria-label": t("clearSelection") }}
        value={label(props.value)}
        selectedOptions={[props.value]}
        onOptionSelect={(_e, d) => props.onChange((d.optionValue as TierChoice) ?? "all")}
      >
        {(["all", ...RANKED_TIERS, "standard"] as const).map((t) => (
          <Option key={t} value={t}>
            {label(t)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
