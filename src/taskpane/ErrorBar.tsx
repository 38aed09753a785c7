import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { ActionError } from "./useAction";
import { usePane } from "./context";

/** A persistent error naming sheet, row and column, until the user dismisses it. */
export function ErrorBar(props: { error: ActionError | null; onDismiss: () => void }) {
  const { t } = usePane();
  if (!props.error) return null;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{props.error.title}</MessageBarTitle>
        {props.error.lines.map((l, i) => (
          <div key={i}>{l}</div>
        ))}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={props.onDismiss}>{t("dismiss")}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
