import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { calendarDateSchema, instantSchema, latestToday, multiLineText, optionalText, singleLineText } from "./common";

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues.map((i) => i.message) ?? [];

beforeEach(() => vi.useFakeTimers({ now: new Date("2026-06-15T12:00:00Z"), toFake: ["Date"] }));
afterEach(() => vi.useRealTimers());

describe("calendarDateSchema", () => {
  const span = calendarDateSchema({
    required: "Date of birth is required.",
    earliest: { at: "1900-01-01", message: "Before 1900." },
    latest: { at: latestToday, message: "In the future." },
  });

  it("accepts real dates, 29 February of a leap year included", () => {
    expect(span.parse("2024-02-29")).toBe("2024-02-29");
    expect(calendarDateSchema().parse("2028-02-29")).toBe("2028-02-29");
  });

  it.each(["2026-02-30", "2025-02-29", "2026-13-01", "2026-00-01", "2026-04-31", "2026-01-32"])("refuses %s, which does not exist", (value) => {
    expect(messages(span.safeParse(value))).toEqual(["Use a real date."]);
  });

  it.each(["2026/01/01", "1-1-2026", "2026-1-1", "20260101", "2026-01-01T00:00:00Z", "+02026-01-01"])("asks for YYYY-MM-DD instead of %s", (value) => {
    expect(messages(span.safeParse(value))).toEqual(["Use a date in the form YYYY-MM-DD."]);
  });

  it("asks for a missing date with the field's own words", () => {
    expect(messages(span.safeParse(""))).toEqual(["Date of birth is required."]);
    expect(messages(span.safeParse(undefined))).toEqual(["Date of birth is required."]);
    expect(messages(calendarDateSchema().safeParse(""))).toEqual(["Give the date."]);
  });

  it("includes both ends of its span and refuses the day beyond each", () => {
    expect(span.parse("1900-01-01")).toBe("1900-01-01");
    expect(messages(span.safeParse("1899-12-31"))).toEqual(["Before 1900."]);
    expect(messages(span.safeParse("0001-01-01"))).toEqual(["Before 1900."]);
    // One day of slack: it is already 16 June somewhere while it is 15 June in UTC.
    expect(span.parse("2026-06-16")).toBe("2026-06-16");
    expect(messages(span.safeParse("2026-06-17"))).toEqual(["In the future."]);
  });

  it("reads a moving limit when it parses, not when the schema was built", () => {
    vi.setSystemTime(new Date("2026-07-01T12:00:00Z"));
    expect(span.parse("2026-06-20")).toBe("2026-06-20");
  });
});

describe("instantSchema", () => {
  const HOUR = 3_600_000;
  const report = instantSchema({
    earliest: { at: () => Date.now() - 24 * HOUR, message: "Too long ago." },
    latest: { at: () => Date.now() + 5 * 60_000, message: "In the future." },
  });

  it("stores an instant as UTC, whatever offset it was sent with", () => {
    expect(report.parse("2026-06-15T13:00:00+02:00")).toBe("2026-06-15T11:00:00.000Z");
  });

  it.each(["2026-02-30T10:00:00Z", "2026-06-15T24:00:00Z", "2026-06-15T25:00:00Z", "2026-13-01T10:00:00Z", "yesterday"])("refuses %s", (value) => {
    expect(messages(instantSchema().safeParse(value))).toEqual(["Use a real date and time, with its offset (e.g. 2026-11-21T09:30:00Z)."]);
  });

  it("asks for a missing time", () => {
    expect(messages(report.safeParse(undefined))).toEqual(["Give the date and time."]);
    expect(messages(report.safeParse(""))).toEqual(["Give the date and time."]);
  });

  it("includes both ends of its span, judged on the instant, not on the text", () => {
    expect(report.parse("2026-06-15T12:05:00Z")).toBe("2026-06-15T12:05:00.000Z");
    expect(messages(report.safeParse("2026-06-15T12:05:01Z"))).toEqual(["In the future."]);
    // 14:00 in a zone two hours ahead is 12:00 UTC: now, not the future.
    expect(report.parse("2026-06-15T14:00:00+02:00")).toBe("2026-06-15T12:00:00.000Z");
    expect(report.parse("2026-06-14T12:00:00Z")).toBe("2026-06-14T12:00:00.000Z");
    expect(messages(report.safeParse("2026-06-14T11:59:59Z"))).toEqual(["Too long ago."]);
    expect(messages(report.safeParse("0001-01-01T00:00:00Z"))).toEqual(["Too long ago."]);
  });
});

describe("text fields", () => {
  const name = singleLineText({ label: "Name", max: 20, required: "Name is required." });
  const note = multiLineText({ label: "The note", max: 40 });

  it("stores names of every script and emoji as typed, composed (NFC)", () => {
    for (const value of ["Zoë Ó Briain", "李小龙", "José 👍", "مریم"]) expect(name.parse(value)).toBe(value);
    expect(name.parse("Zoe\u0308 O\u0301 Briain")).toBe("Zoë Ó Briain");
  });

  it("strips invisible characters, and a name made only of them is missing", () => {
    expect(name.parse(" \u200bJordan\ufeff Lee\u2060 ")).toBe("Jordan Lee");
    expect(messages(name.safeParse("\u200b\u200b"))).toEqual(["Name is required."]);
    expect(messages(name.safeParse(undefined))).toEqual(["Name is required."]);
    expect(messages(name.safeParse(42))).toEqual(["Name must be text."]);
  });

  it("refuses a line break, a control character or a bidi control in one-line text", () => {
    expect(messages(name.safeParse("Jordan\nLee"))).toEqual(["Keep this on one line."]);
    expect(messages(name.safeParse("Jordan\r\nLee"))).toEqual(["Keep this on one line."]);
    expect(messages(name.safeParse("Jordan\u0007Lee"))).toEqual(["This contains hidden control characters. Type it again rather than pasting it."]);
    expect(messages(name.safeParse("Jordan \u202eeeL"))[0]).toMatch(/^This contains hidden text-direction characters/);
  });

  it("keeps line breaks and tabs in notes, unified to \\n, and refuses the rest", () => {
    expect(note.parse("Day 1:\r\n\tredness\rDay 2: none")).toBe("Day 1:\n\tredness\nDay 2: none");
    expect(messages(note.safeParse("red\u001bness"))).toEqual(["This contains hidden control characters. Type it again rather than pasting it."]);
    expect(messages(note.safeParse("fine \u2066enif"))[0]).toMatch(/^This contains hidden text-direction characters/);
  });

  it("counts the length once tidied, and says the cap without repeating the text", () => {
    expect(name.parse(`${"a".repeat(20)}\u200b\u200b`)).toHaveLength(20);
    expect(messages(name.safeParse("a".repeat(21)))).toEqual(["Use at most 20 characters."]);
  });

  it("stores an optional note left blank, or holding only invisibles, as null", () => {
    const optional = optionalText(40, "notes");
    expect(optional.parse(undefined)).toBeNull();
    expect(optional.parse(null)).toBeNull();
    expect(optional.parse("  \n ")).toBeNull();
    expect(optional.parse("\u200b")).toBeNull();
    expect(optional.parse(" ok ")).toBe("ok");
  });
});
