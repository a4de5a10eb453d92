/** The pane's few styles, one place for every view. */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  header: { display: "flex", justifyContent: "space-between", alignItems: "center" },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  tables: { display: "flex", flexDirection: "column", maxHeight: "260px", overflowY: "auto" },
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
});
