import { Badge, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ContactLine } from "../../core/contacts/contactLines";
import { useTeamOpsText } from "./teamOpsStrings";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  badge: { marginLeft: tokens.spacingHorizontalXS },
});

/** The customer's people from the Contacts sheet; phones masked (display only, the cells keep the numbers). */
export function CardContacts(props: { contacts: readonly ContactLine[] }) {
  const tt = useTeamOpsText();
  const s = useStyles();
  return (
    <>
      <Text weight="semibold">{tt("contacts")}</Text>
      {props.contacts.length === 0 ? <Text>{tt("noContacts")}</Text> : (
        <ul className={s.list}>
          {props.contacts.map((c, i) => (
            <li key={i}>
              {[c.name, c.title, c.role, c.phoneMasked].filter((x) => x !== "").join(" · ")}
              {c.decisionMaker && <Badge className={s.badge} size="small" appearance="tint" color="danger">{tt("decisionMaker")}</Badge>}
              {c.primary && <Badge className={s.badge} size="small" appearance="tint">{tt("mainContact")}</Badge>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
