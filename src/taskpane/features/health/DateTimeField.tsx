import { useState } from "react";
import { Field, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import { DatePicker } from "@fluentui/react-datepicker-compat";
import { calendarStrings, dateToDay, dayToDate, formatDay, parseTyped } from "../../dates";
import { wallTime, dayOf, MINUTES_PER_DAY, type WallTime } from "../../../core/health/wallClock";
import type { DayNumber } from "../../../core/_lib/calendar";
import type { Lang } from "../../../core/i18n/lang";
import { healthT } from "./strings";

const useStyles = makeStyles({
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-start" },
  date: { flexGrow: 1, minWidth: 0 },
  // Room for "23:59" and the field's padding, in a 320-pixel pane.
  time: { flexShrink: 0, width: "6.5em" },
  input: { width: "100%", minWidth: 0 },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** `09:30` from a wall time. */
export function timeText(t: WallTime): string {
  const m = Math.round((t - dayOf(t)) * MINUTES_PER_DAY);
  return `${String(Math.floor(m / 60) % 24).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

/** `9:30`, `09:30`, `0930`, `9：30` → minutes of the day; null when not a time. */
export function parseTime(text: string): number | null {
  const m = /^(\d{1,2})[:：]?(\d{2})$/.exec(text.normalize("NFKC").trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h <= 23 && min <= 59 ? h * 60 + min : null;
}

/**
 * A date and a time, in the user's local wall time: the date from the calendar, the time typed.
 * Calls back with the moment, or null while the time is unreadable.
 */
export function DateTimeField(props: {
  lang: Lang;
  dateLabel: string;
  timeLabel: string;
  value: WallTime;
  onChange: (t: WallTime | null) => void;
  hint?: string;
  required?: boolean;
}) {
  const s = useStyles();
  const [day, setDay] = useState<DayNumber>(dayOf(props.value));
  const [time, setTime] = useState(timeText(props.value));
  const minutes = parseTime(time);
  const emit = (d: DayNumber, text: string) => {
    const m = parseTime(text);
    props.onChange(m === null ? null : wallTime(d, Math.floor(m / 60), m % 60));
  };
  return (
    <div className={s.block}>
      <div className={s.row}>
        <Field className={s.date} label={props.dateLabel} required={props.required}>
          <DatePicker
            value={dayToDate(day)}
            onSelectDate={(d) => {
              const x = d ? dateToDay(d) : null;
              if (x !== null) {
                setDay(x);
                emit(x, time);
              }
            }}
            formatDate={(d) => (d ? formatDay(dateToDay(d), props.lang) : "")}
            parseDateFromString={parseTyped}
            allowTextInput
            strings={calendarStrings(props.lang)}
            firstDayOfWeek={1}
          />
        </Field>
        <Field
          className={s.time}
          label={props.timeLabel}
          required={props.required}
          validationState={minutes === null ? "error" : "none"}
          validationMessage={minutes === null ? healthT(props.lang, "badTime") : undefined}
        >
          <Input
            className={s.input}
            value={time}
            inputMode="numeric"
            onChange={(_e, d) => {
              setTime(d.value);
              emit(day, d.value);
            }}
          />
        </Field>
      </div>
      {props.hint && (
        <Text size={200} className={s.hint}>
          {props.hint}
        </Text>
      )}
    </div>
  );
}
