import { MESSAGES, pickLocale, translate } from "../../src/taskpane/i18n";
import { PROFILE_IDS } from "../../src/catalog/profiles";

it("has every UI string in zh-CN and en-US", () => {
  expect(Object.keys(MESSAGES["en-US"]).sort()).toEqual(Object.keys(MESSAGES["zh-CN"]).sort());
  // English strings carry no Chinese, except the switch that names the other language
  for (const [k, v] of Object.entries(MESSAGES["en-US"])) if (k !== "language") expect(v).not.toMatch(/[\u4e00-\u9fff]/);
});

it("picks zh-CN unless Office says English, and fills placeholders", () => {
  expect(pickLocale("zh-CN")).toBe("zh-CN");
  expect(pickLocale(undefined)).toBe("zh-CN");
  expect(pickLocale("en-GB")).toBe("en-US");
  expect(translate("zh-CN", "summary", { errors: 2, tails: 11, warnings: 1, infos: 3 })).toBe("错误 2 · 警告 1 · 提示 3 · 尾差 11");
});

it("names every regional profile of the catalog in both languages", () => {
  for (const locale of ["zh-CN", "en-US"] as const) {
    const names = PROFILE_IDS.map((p) => (MESSAGES[locale] as Record<string, string>)[`profile_${p}`]);
    expect(names.every((n) => typeof n === "string" && n.length > 0)).toBe(true);
  }
  expect(translate("zh-CN", "profile_shanghai")).toBe("上海");
});
