import { useState } from "react";
import { Button, Field, Input, Radio, RadioGroup, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { usePane } from "../../context";
import { DateTimeField } from "./DateTimeField";
import { healthT } from "./strings";
import type { ComplaintItem, ComplaintUpdateRequest } from "./healthApi";
import type { WallTime } from "../../../core/health/wallClock";
import { dayOf } from "../../../core/health/wallClock";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  stars: { display: "flex", flexDirection: "row" },
});

/**
 * The next step of one open complaint: the first response, then the solution, then the call-back
 * with the customer's satisfaction. Each defaults to now in the user's local time.
 */
export function StepForm(props: { item: ComplaintItem; busy: boolean; onSave: (u: ComplaintUpdateRequest) => void }) {
  const { api, lang } = usePane();
  const s = useStyles();
  const c = props.item;
  const [at, setAt] = useState<WallTime | null>(api.health.now());
  const [solution, setSolution] = useState("");
  const [satisfaction, setSatisfaction] = useState("");
  const [improvement, setImprovement] = useState("");
  const [touched, setTouched] = useState(false);
  const step = c.solvedAt !== null ? "callBack" : c.respondedAt === null ? "respond" : "solve";
  const expect = { customerId: c.customerId, receivedAt: c.receivedAt };

  const save = () => {
    setTouched(true);
    if (at === null) return;
    if (step === "respond") props.onSave({ index: c.index, respondedAt: at, expect });
    else if (step === "solve") {
      if (solution.trim() === "") return;
      props.onSave({ index: c.index, solution, solvedAt: at, expect });
    } else {
      if (satisfaction === "") return;
      props.onSave({ index: c.index, calledBackOn: dayOf(at) as number as WallTime, satisfaction: Number(satisfaction), improvement, expect });
    }
  };

  const label = step === "respond" ? healthT(lang, "respondedAt") : step === "solve" ? healthT(lang, "solvedAt") : healthT(lang, "calledBackOn");
  return (
    <form
      className={s.form}
      aria-label={healthT(lang, "handle")}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      {step === "solve" && (
        <Field
          label={healthT(lang, "solution")}
          required
          validationState={touched && solution.trim() === "" ? "error" : "none"}
          validationMessage={touched && solution.trim() === "" ? healthT(lang, "required") : undefined}
        >
          <Textarea value={solution} onChange={(_e, d) => setSolution(d.value)} resize="vertical" />
        </Field>
      )}
      <DateTimeField lang={lang} dateLabel={label} timeLabel={healthT(lang, "receivedTime")} value={api.health.now()} onChange={setAt} required />
      {step === "callBack" && (
        <>
          <Field
            label={healthT(lang, "satisfaction")}
            hint={healthT(lang, "satisfactionHint")}
            required
            validationState={touched && satisfaction === "" ? "error" : "none"}
            validationMessage={touched && satisfaction === "" ? healthT(lang, "required") : undefined}
          >
            <RadioGroup className={s.stars} layout="horizontal" value={satisfaction} onChange={(_e, d) => setSatisfaction(d.value)}>
              {["1", "2", "3", "4", "5"].map((v) => (
                <Radio key={v} value={v} label={v} />
              ))}
            </RadioGroup>
          </Field>
          <Field label={healthT(lang, "improvement")}>
            <Input value={improvement} onChange={(_e, d) => setImprovement(d.value)} />
          </Field>
        </>
      )}
      <div>
        <Button appearance="primary" type="submit" disabled={props.busy}>
          {props.busy ? healthT(lang, "working") : healthT(lang, "saveStep")}
        </Button>
      </div>
    </form>
  );
}
