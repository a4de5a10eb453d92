import * as React from "react";
import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  Spinner,
  Switch,
  Tab,
  TabList,
  Text,
  Textarea,
  ToggleButton,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ALL_TABLES, TABLES } from "../catalog";
import { PROFILE_IDS, Profile } from "../catalog/profiles";
import { Finding, Severity, summarize } from "../core/finding";
import { CheckResult } from "../core/engine";
import {
  DraftError,
  checkAndMark,
  checkNarrativeText,
  clearMarks,
  draftNarrativeFor,
  onlySheet,
  performanceTemplatesFor,
  scoreAndMark,
  templatesFor,
} from "../core/workflows";
import { NotNarrativeError, narrativeText } from "../documents/text";
import { PERFORMANCE_LAYOUTS } from "../catalog/tables/performance-layouts";
import { ScoreResult } from "../core/performance/score";
import { Locale, MessageKey, translate } from "./i18n";
import { WorkbookHost } from "../host";
import { ExcelNotResponding } from "../excel";

export type View = "templates" | "check" | "score" | "narrative";

const useStyles = makeStyles({
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

const SEVERITY_COLOR: Record<Severity, "danger" | "warning" | "informative" | "subtle"> = {
  error: "danger",
  tail: "warning",
  warning: "warning",
  info: "informative",
};

/** 错误 / 尾差 / 警告 / 提示, coloured as the marks in the sheet are. */
function SeverityBadge({ severity, t, className }: { severity: Severity; t: T; className?: string }) {
  return (
    <Badge appearance="tint" className={className} color={SEVERITY_COLOR[severity]}>
      {t(`severity_${severity}` as MessageKey)}
    </Badge>
  );
}

type Status =
  | { kind: "idle" }
  | { kind: "busy"; text: string }
  | { kind: "done"; text: string }
  | { kind: "error"; text: string; retry?: { label: string; run: () => void } };

export function App(props: { host: WorkbookHost; initialView?: View; initialLocale: Locale }) {
  const styles = useStyles();
  const [locale, setLocale] = React.useState<Locale>(props.initialLocale);
  const [view, setView] = React.useState<View>(props.initialView ?? "check");
  const t = (k: MessageKey, p?: Record<string, string | number>) => translate(locale, k, p);
  return (
    <div className={styles.root} lang={locale}>
      <div className={styles.header}>
        <Text weight="semibold" size={500}>
          {t("appTitle")}
        </Text>
        <Button appearance="transparent" size="small" onClick={() => setLocale(locale === "zh-CN" ? "en-US" : "zh-CN")}>
          {t("language")}
        </Button>
      </div>
      <TabList selectedValue={view} onTabSelect={(_, d) => setView(d.value as View)}>
        <Tab value="templates">{t("tabTemplates")}</Tab>
        <Tab value="check">{t("tabCheck")}</Tab>
        <Tab value="score">{t("tabScore")}</Tab>
        <Tab value="narrative">{t("tabNarrative")}</Tab>
      </TabList>
      {view === "templates" && <TemplatesView host={props.host} t={t} />}
      {view === "check" && <CheckView host={props.host} t={t} />}
      {view === "narrative" && <NarrativeView host={props.host} t={t} />}
      {view === "score" && <ScoreView host={props.host} t={t} />}
    </div>
  );
}

type T = (k: MessageKey, p?: Record<string, string | number>) => string;

function StatusLine({ status }: { status: Status }) {
  if (status.kind === "busy") return <Spinner size="tiny" label={status.text} labelPosition="after" aria-live="polite" />;
  if (status.kind === "done")
    return (
      <MessageBar intent="success">
        <MessageBarBody>{status.text}</MessageBarBody>
      </MessageBar>
    );
  if (status.kind === "error")
    return (
      <MessageBar intent="error">
        <MessageBarBody>{status.text}</MessageBarBody>
        {status.retry && (
          <MessageBarActions>
            <Button onClick={status.retry.run}>{status.retry.label}</Button>
          </MessageBarActions>
        )}
      </MessageBar>
    );
  return null;
}

/** Run a step with progress shown and any failure surfaced to the user with its message. */
function useTask(t: T) {
  const [status, setStatus] = React.useState<Status>({ kind: "idle" });
  /** Runs a step of the pane; whatever goes wrong ends in the status line, never in a silent promise. */
  const run = (busy: string, task: () => Promise<string | void>): void => {
    setStatus({ kind: "busy", text: busy });
    task().then(
      (done) => setStatus(done ? { kind: "done", text: done } : { kind: "idle" }),
      (e: unknown) => {
        // Excel (on the web, mostly) left a request unanswered: say so, and offer the step again
        if (e instanceof ExcelNotResponding) {
          setStatus({ kind: "error", text: t("notResponding", { seconds: e.seconds }), retry: { label: t("retry"), run: () => run(busy, task) } });
        } else {
          setStatus({ kind: "error", text: t("failed", { message: (e as Error).message }) });
        }
      },
    );
  };
  return { status, run, busy: status.kind === "busy" };
}

function TemplatesView({ host, t }: { host: WorkbookHost; t: T }) {
  const styles = useStyles();
  const [dept, setDept] = React.useState("");
  const [year, setYear] = React.useState(String(new Date().getFullYear() - 1));
  const [selected, setSelected] = React.useState<Set<string>>(new Set(TABLES.map((x) => x.id)));
  const [layouts, setLayouts] = React.useState<Set<string>>(new Set());
  const { status, run, busy } = useTask(t);
  const toggle = (id: string) => setSelected((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
  const generate = () =>
    run(t("generating"), async () => {
      const existing = (await host.read()).map((g) => g.sheet);
      const disclosure = templatesFor(
        ALL_TABLES.filter((x) => selected.has(x.id)).map((x) => x.id),
        dept.trim(),
        Number(year),
        existing,
      );
      const perf = performanceTemplatesFor(
        PERFORMANCE_LAYOUTS.filter((l) => layouts.has(l.id)),
        Number(year),
        [...existing, ...disclosure.sheets],
      );
      await host.apply({ ops: [...disclosure.plan.ops, ...perf.plan.ops] });
      const sheets = [...disclosure.sheets, ...perf.sheets];
      return t("generated", { n: sheets.length, sheets: sheets.join("、") });
    });
  return (
    <>
      <Field label={t("dept")}>
        <Input value={dept} placeholder={t("deptPlaceholder")} onChange={(_, d) => setDept(d.value)} />
      </Field>
      <Field label={t("year")} validationMessage={/^\d{4}$/.test(year) ? undefined : "YYYY"}>
        <Input value={year} type="number" onChange={(_, d) => setYear(d.value)} />
      </Field>
      <Text weight="semibold">{t("tables")}</Text>
      <div className={styles.tables} role="group" aria-label={t("tables")}>
        <Checkbox
          label={t("selectAll")}
          checked={selected.size === TABLES.length ? true : selected.size === 0 ? false : "mixed"}
          onChange={() => setSelected(selected.size === TABLES.length ? new Set() : new Set(TABLES.map((x) => x.id)))}
        />
        {ALL_TABLES.map((x) => (
          <Checkbox
            key={x.id}
            label={`${x.number} ${x.title}${TABLES.includes(x) ? "" : t("localTable")}`}
            checked={selected.has(x.id)}
            onChange={() => toggle(x.id)}
          />
        ))}
      </div>
      <Text weight="semibold">{t("perfTables")}</Text>
      <div className={styles.tables} role="group" aria-label={t("perfTables")}>
        {PERFORMANCE_LAYOUTS.map((l) => (
          <Checkbox
            key={l.id}
            label={`${l.title}（${t(`layout_${l.id.split("-")[0]}` as MessageKey)}）`}
            checked={layouts.has(l.id)}
            onChange={() => setLayouts((s) => (s.has(l.id) ? new Set([...s].filter((x) => x !== l.id)) : new Set([...s, l.id])))}
          />
        ))}
      </div>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy || selected.size + layouts.size === 0 || !/^\d{4}$/.test(year)} onClick={generate}>
          {t("generate")}
        </Button>
      </div>
      <StatusLine status={status} />
    </>
  );
}

const FILTERS: { value: Severity | "all"; key: MessageKey }[] = [
  { value: "all", key: "filterAll" },
  { value: "error", key: "filterError" },
  { value: "tail", key: "filterTail" },
  { value: "warning", key: "filterWarning" },
  { value: "info", key: "filterInfo" },
];

function countsOf(fs: Finding[]): { errors: number; tails: number; warnings: number } {
  const s = summarize(fs);
  return { errors: s.errors, tails: s.tails, warnings: s.warnings };
}

/** The table a finding belongs to, for grouping: "T05.row" → "T05", "T01~T02.total" → "T01~T02". */
function groupOf(f: Finding): string {
  // 绩效 and 决算说明 findings group by their sheet; the disclosure rules by table ("T05", "T01~T02")
  if ((f.rule.startsWith("P.") || f.rule.startsWith("N.")) && f.cells[0]) return f.cells[0].sheet;
  return f.rule.split(".")[0];
}

/** Filters, per-table groups with counts, and one button per finding that selects its cell. */
function FindingsList({ findings, host, t }: { findings: Finding[]; host: WorkbookHost; t: T }) {
  const styles = useStyles();
  const [filter, setFilter] = React.useState<Severity | "all">("all");
  const shown = findings.filter((f) => filter === "all" || f.severity === filter);
  const groups = new Map<string, Finding[]>();
  for (const f of shown) groups.set(groupOf(f), [...(groups.get(groupOf(f)) ?? []), f]);
  return (
    <>
      <div className={styles.row} role="group">
        {FILTERS.map((x) => (
          <ToggleButton key={x.value} size="small" checked={filter === x.value} onClick={() => setFilter(x.value)}>
            {t(x.key)}
          </ToggleButton>
        ))}
      </div>
      {shown.length === 0 && <Text>{t("noFindings")}</Text>}
      <div role="list" data-testid="findings">
        {[...groups].map(([group, fs]) => (
          <div key={group} className={styles.group}>
            <Text weight="semibold">
              {group} <Text size={200}>{t("groupCounts", countsOf(fs))}</Text>
            </Text>
            {fs.map((f, i) => (
              <div role="listitem" key={`${group}-${i}`}>
                <Button
                  appearance="subtle"
                  className={styles.finding}
                  disabled={f.cells.length === 0}
                  title={f.cells[0] ? t("goToCell", { cell: `${f.cells[0].sheet}!${f.cells[0].address}` }) : undefined}
                  onClick={() => f.cells[0] && void host.select(f.cells[0])}
                >
                  <span className={styles.findingText}>
                    <span>
                      <SeverityBadge severity={f.severity} t={t} /> {f.cells[0] ? `${f.cells[0].sheet}!${f.cells[0].address}` : ""}
                    </span>
                    <span>{f.message}</span>
                  </span>
                </Button>
              </div>
            ))}
          </div>
        ))}
      </div>
    </>
  );
}

function CheckView({ host, t }: { host: WorkbookHost; t: T }) {
  const styles = useStyles();
  const [result, setResult] = React.useState<CheckResult | undefined>();
  const [onlyActive, setOnlyActive] = React.useState(false);
  const [profile, setProfile] = React.useState<Profile | "auto">("auto");
  const { status, run, busy } = useTask(t);
  const check = () =>
    run(t("checking"), async () => {
      let grids = await host.read();
      if (onlyActive) {
        const active = await host.activeSheet();
        // the ledger and the report stay visible to the core, so marks still undo and re-run cleanly
        grids = onlySheet(grids, active);
      }
      const { result: r, plan } = checkAndMark(grids, profile === "auto" ? undefined : profile);
      await host.apply(plan);
      setResult(r);
    });
  const clear = () =>
    run(t("checking"), async () => {
      await host.apply(clearMarks(await host.read()));
      setResult(undefined);
      return t("cleared");
    });
  const s = result && summarize(result.findings);
  const r = result?.relations;
  return (
    <>
      <Field label={t("profile")}>
        <Select value={profile} onChange={(_, d) => setProfile(d.value as Profile | "auto")}>
          <option value="auto">{t("profileAuto")}</option>
          {PROFILE_IDS.map((p) => (
            <option key={p} value={p}>
              {t(`profile_${p}`)}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={check}>
          {t("runCheck")}
        </Button>
        <Button disabled={busy} onClick={clear}>
          {t("clearMarks")}
        </Button>
      </div>
      <Switch checked={onlyActive} onChange={(_, d) => setOnlyActive(d.checked)} label={t("onlyActiveSheet")} />
      <StatusLine status={status} />
      {result && s && (
        <>
          <Text role="status" data-testid="summary">
            {t("tablesFound", { n: result.tables.length })} · {t("summary", { errors: s.errors, tails: s.tails, warnings: s.warnings })}
          </Text>
          <Text size={200} data-testid="reading">
            {t("readAs", { profile: t(`profile_${result.profile}`), tables: result.tables.map((x) => `${x.number} ${x.title}`).join("、") })}
          </Text>
          {r && (
            <Text size={200} data-testid="relations">
              {t("relations", { total: r.holds + r.tails + r.errors + r.warnings + r.unchecked, ...r })}
            </Text>
          )}
          <FindingsList findings={result.findings} host={host} t={t} />
        </>
      )}
    </>
  );
}

function ScoreView({ host, t }: { host: WorkbookHost; t: T }) {
  const styles = useStyles();
  const [result, setResult] = React.useState<ScoreResult | undefined>();
  const { status, run, busy } = useTask(t);
  const score = () =>
    run(t("scoring"), async () => {
      const { result: r, plan } = scoreAndMark(await host.read());
      await host.apply(plan);
      setResult(r);
      return r.projects.length === 0 ? t("noPerfTables") : undefined;
    });
  return (
    <>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={score}>
          {t("runScore")}
        </Button>
      </div>
      <StatusLine status={status} />
      {result && result.projects.length > 0 && (
        <>
          <div role="list" data-testid="projects">
            {result.projects.map((p, i) => (
              <div role="listitem" key={i}>
                <Button appearance="subtle" className={styles.finding} onClick={() => p.cell && void host.select(p.cell)}>
                  <span className={styles.findingText}>
                    <span>
                      {p.name || p.kind} <Text size={200}>（{p.sheet}）</Text>
                    </span>
                    <span>{t("projectTotals", { printed: p.printedTotal ?? "—", computed: p.computedTotal ?? "—", grade: p.grade ?? "—" })}</span>
                  </span>
                </Button>
              </div>
            ))}
          </div>
          <FindingsList findings={result.findings} host={host} t={t} />
        </>
      )}
    </>
  );
}

/** The name pasted text is read under (it never becomes a sheet). */
const PASTED = "粘贴的文字";

/**
 * 决算说明: draft it from the tables onto a new sheet, or paste text and see each paragraph with
 * the findings about its numbers right under it (checked against the workbook's tables).
 */
function NarrativeView({ host, t }: { host: WorkbookHost; t: T }) {
  const styles = useStyles();
  const [text, setText] = React.useState("");
  const [checked, setChecked] = React.useState<{ paragraphs: { line: number; text: string; findings: Finding[] }[] } | undefined>();
  const [draft, setDraft] = React.useState<string | undefined>();
  const { status, run, busy } = useTask(t);
  const draftArea = React.useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = React.useState(false);
  // the clipboard API may be refused inside Office's web view: fall back to selecting the text and copying it
  const copyDraft = async () => {
    try {
      await navigator.clipboard.writeText(draft ?? "");
    } catch {
      draftArea.current?.select();
      document.execCommand("copy");
    }
    setCopied(true);
  };
  const fileInput = React.useRef<HTMLInputElement>(null);
  // the 说明 as the accountant keeps it, in Word or a .txt: its text goes into the box, ready to check
  const openFile = (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    void run(t("reading"), async () => {
      try {
        setText(await narrativeText(new Uint8Array(await file.arrayBuffer())));
        return t("fileRead", { name: file.name });
      } catch (err) {
        if (err instanceof NotNarrativeError) throw new Error(`${file.name}：${t(err.kind === "zip" ? "notDocx" : "notText")}`);
        throw err;
      }
    });
  };
  const checkText = () =>
    run(t("checking"), async () => {
      const { paragraphs, findings: found } = checkNarrativeText(await host.read(), text, PASTED);
      setChecked({ paragraphs });
      const s = summarize(found);
      return t("textChecked", { n: paragraphs.length, errors: s.errors, tails: s.tails, warnings: s.warnings });
    });
  const makeDraft = () =>
    run(t("drafting"), async () => {
      try {
        const d = draftNarrativeFor(await host.read(), { fallbackYear: new Date().getFullYear() - 1 });
        await host.apply(d.plan);
        setDraft(d.text);
        return t("drafted", { n: d.sections.length, sheet: d.sheet });
      } catch (e) {
        if (e instanceof DraftError) throw new Error(t("noTablesToDraft"));
        throw e;
      }
    });
  return (
    <>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={makeDraft}>
          {t("draftNarrative")}
        </Button>
      </div>
      {draft !== undefined && (
        <>
          <Field label={t("draftText")}>
            <Textarea readOnly value={draft} rows={8} data-testid="draft" ref={draftArea} />
          </Field>
          <div className={styles.row}>
            <Button onClick={() => void copyDraft()}>{t("copyDraft")}</Button>
            {copied && <Text size={200}>{t("copied")}</Text>}
          </div>
        </>
      )}
      <Field label={t("pasteNarrative")} hint={t("pasteHint")}>
        <Textarea value={text} onChange={(_, d) => setText(d.value)} rows={6} resize="vertical" />
      </Field>
      <div className={styles.row}>
        <Button disabled={busy || text.trim() === ""} onClick={checkText}>
          {t("checkText")}
        </Button>
        <Button disabled={busy} onClick={() => fileInput.current?.click()}>
          {t("openNarrativeFile")}
        </Button>
        <input ref={fileInput} type="file" accept=".txt,.docx" hidden data-testid="narrative-file" onChange={openFile} />
      </div>
      <StatusLine status={status} />
      {checked && (
        <div role="list" data-testid="paragraphs">
          {checked.paragraphs.map((p) => (
            <div role="listitem" key={p.line} className={styles.paragraph}>
              <Text size={200}>{p.text}</Text>
              {p.findings.map((f, i) => (
                <div key={i} className={styles.claim}>
                  <SeverityBadge severity={f.severity} t={t} className={styles.badge} />
                  <Text size={200}>{f.message}</Text>
                </div>
              ))}
            </div>
          ))}
        </div>
      )}
    </>
  );
}
