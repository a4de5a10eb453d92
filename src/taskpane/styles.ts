/** The pane's few styles, one place for every view. */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useStyles = makeStyles({
  // a task pane is 300–450 px wide: nothing may be wider (long words break, tabs wrap)
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    boxSizing: "border-box",
    maxWidth: "100vw",
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  tabs: { flexWrap: "wrap" },
  header: { display: "flex", justifyContent: "space-between", alignItems: "center" },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  // the whole list, never a scroll box inside the pane's own scroll
  tables: { display: "flex", flexDirection: "column" },
  finding: { justifyContent: "flex-start", textAlign: "left", height: "auto", paddingTop: "6px", paddingBottom: "6px", width: "100%" },
  findingText: { display: "flex", flexDirection: "column", gap: "2px", fontWeight: tokens.fontWeightRegular },
  group: { display: "flex", flexDirection: "column", gap: "2px" },
  paragraph: {
    display: "flex",
    flexDirection: "column",
    gap: "4px",
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  claim: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "baseline", paddingLeft: tokens.spacingHorizontalM },
  badge: { flexShrink: 0, whiteSpace: "nowrap" },
  explain: { alignSelf: "flex-start", minWidth: 0 },
});
