import {
  Menu, MenuButton, MenuItem, MenuList, MenuPopover, MenuTrigger, Overflow, OverflowItem, Tab, TabList, makeStyles,
  useIsOverflowItemVisible, useOverflowMenu,
} from "@fluentui/react-components";
import { usePane } from "./context";

export interface PageTab<P extends string> {
  readonly value: P;
  readonly label: string;
}

const useStyles = makeStyles({
  // One line that never wraps or scrolls: what does not fit goes into the More menu.
  // Its own stack above the page below, so the inline More menu opens over the page, not under it.
  row: { display: "flex", flexWrap: "nowrap", alignItems: "center", minWidth: 0, position: "relative", zIndex: 1 },
  tabs: { flexWrap: "nowrap", minWidth: 0 },
});

/** A page hidden for want of room, offered in the More menu instead. */
function HiddenPage<P extends string>(props: { tab: PageTab<P>; onSelect: (p: P) => void }) {
  const visible = useIsOverflowItemVisible(props.tab.value);
  if (visible) return null;
  return <MenuItem onClick={() => props.onSelect(props.tab.value)}>{props.tab.label}</MenuItem>;
}

function MorePages<P extends string>(props: { tabs: readonly PageTab<P>[]; onSelect: (p: P) => void }) {
  const { t } = usePane();
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    // Inline, so the menu stays inside the page's main landmark for screen readers.
    <Menu inline>
      <MenuTrigger disableButtonEnhancement>
        <MenuButton ref={ref} appearance="transparent" size="small" aria-label={t("tabMoreLabel", { count: overflowCount })}>{t("tabMore")}</MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {props.tabs.map((tab) => <HiddenPage key={tab.value} tab={tab} onSelect={props.onSelect} />)}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

/**
 * The pane's pages as tabs on one line: as many as the pane's width holds, in order, the page
 * being shown always among them; the rest in a More menu after the last tab. Eleven pages in a
 * 320–380 px pane would otherwise wrap onto three lines in English.
 */
export function PageTabs<P extends string>(props: { tabs: readonly PageTab<P>[]; selected: P; onSelect: (p: P) => void }) {
  const s = useStyles();
  return (
    <Overflow minimumVisible={2}>
      <div className={s.row}>
        <TabList className={s.tabs} size="small" selectedValue={props.selected} onTabSelect={(_e, d) => props.onSelect(d.value as P)}>
          {props.tabs.map((tab) => (
            // The page being shown outranks the others, so it is never the one hidden.
            <OverflowItem key={tab.value} id={tab.value} priority={tab.value === props.selected ? 2 : 1}>
              <Tab value={tab.value}>{tab.label}</Tab>
            </OverflowItem>
          ))}
        </TabList>
        <MorePages tabs={props.tabs} onSelect={props.onSelect} />
      </div>
    </Overflow>
  );
}
