import { useEffect, useMemo, useState } from "react";
import { Combobox, Field, Option } from "@fluentui/react-components";
import { usePane } from "../../context";
import type { CustomerOption } from "../../workbookApi";
import { healthT } from "./strings";

/** Search customers by ID, name, short name or contact; follows co-authors' changes. */
export function CustomerPicker(props: {
  value: CustomerOption | null;
  onChange: (c: CustomerOption | null) => void;
  invalid: boolean;
  onError: (e: unknown) => void;
}) {
  const { api, lang, t } = usePane();
  const [customers, setCustomers] = useState<CustomerOption[]>([]);
  const [query, setQuery] = useState("");
  const { onError } = props;
  useEffect(() => {
    let alive = true;
    let stop: (() => Promise<void>) | undefined;
    const load = () =>
      void api.customers().then((c) => {
        if (alive) setCustomers(c);
      }, onError);
    load();
    void api
      .watchChanges(load)
      .then((s) => {
        stop = s;
      })
      .catch(() => undefined);
    return () => {
      alive = false;
      void stop?.();
    };
  }, [api, onError]);
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    return (q === "" ? customers : customers.filter((c) => [c.id, c.name, c.shortName, c.contact].some((x) => x.toLowerCase().includes(q)))).slice(0, 50);
  }, [customers, query]);
  return (
    <Field
      label={healthT(lang, "customer")}
      required
      validationState={props.invalid ? "error" : "none"}
      validationMessage={props.invalid ? healthT(lang, "required") : customers.length === 0 ? healthT(lang, "noCustomers") : undefined}
    >
      <Combobox
        expandIcon={{ "aria-label": t("openList") }}
        placeholder={healthT(lang, "customerPlaceholder")}
        value={query}
        freeform
        onChange={(e) => setQuery(e.target.value)}
        onOptionSelect={(_e, d) => {
          props.onChange(customers.find((c) => c.id === d.optionValue) ?? null);
          setQuery(d.optionText ?? "");
        }}
      >
        {matches.map((c) => (
          <Option key={c.id} value={c.id} text={`${c.id} ${c.name}`}>{`${c.id} · ${c.name}${c.contact ? ` · ${c.contact}` : ""}`}</Option>
        ))}
      </Combobox>
    </Field>
  );
}
