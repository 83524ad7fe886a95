import { describe, expect, it } from "vitest";
import {
  AuditChainLinker,
  AuditChainVerifier,
  auditRecordHash,
  canonicalAuditRecord,
  refineBrokenLink,
  storableText,
  type AuditRecord,
  type ChainedAuditRecord,
} from "./audit-chain";

const base: AuditRecord = {
  id: 1,
  occurredAt: "2026-03-01T09:00:00.000Z",
  actorId: "u-1",
  actorRole: "clinician",
  clinicId: "c-1",
  action: "patient.read",
  patientId: "p-1",
  outcome: "success",
  ip: "10.0.0.1",
  detail: '{"view":"detail"}',
};

/** A well-formed trail: records in id order, linked as recordAudit links them. */
function chain(records: Partial<AuditRecord>[]): ChainedAuditRecord[] {
  const linker = new AuditChainLinker(() => null);
  return records.map((r, i) => {
    const record = { ...base, ...r, id: i + 1 };
    return { ...record, ...linker.link(record) };
  });
}

function verify(rows: ChainedAuditRecord[], highestIdEverGiven = rows.at(-1)?.id ?? 0) {
  const verifier = new AuditChainVerifier();
  for (const row of rows) {
    const broken = verifier.check(row);
    if (broken) return { broken, verifier };
  }
  return { broken: verifier.finish(highestIdEverGiven), verifier };
}

describe("auditRecordHash", () => {
  it("is SHA-256 in hex, the same for the same row and link", () => {
    expect(auditRecordHash(null, base)).toMatch(/^[0-9a-f]{64}$/);
    expect(auditRecordHash(null, { ...base })).toBe(auditRecordHash(null, base));
  });

  it("changes with every stored field and with the link", () => {
    const hashes = new Set([auditRecordHash(null, base), auditRecordHash("a".repeat(64), base)]);
    const changed: Partial<AuditRecord>[] = [
      { id: 2 },
      { occurredAt: "2026-03-01T09:00:00.001Z" },
      { actorId: "u-2" },
      { actorRole: "admin" },
      { clinicId: "c-2" },
      { action: "patient.update" },
      { patientId: "p-2" },
      { outcome: "denied" },
      { ip: "10.0.0.2" },
      { detail: '{"view":"charts"}' },
    ];
    for (const change of changed) hashes.add(auditRecordHash(null, { ...base, ...change }));
    expect(hashes.size).toBe(changed.length + 2);
  });

  it("tells a null from the text 'null' and from an empty string", () => {
    const values = [null, "null", ""].map((ip) => auditRecordHash(null, { ...base, ip }));
    expect(new Set(values).size).toBe(3);
  });

  it("cannot be fooled by moving text from one field to the next", () => {
    // Concatenated without quoting, both would read "u-1clinician".
    expect(auditRecordHash(null, { ...base, actorId: "u-1clinician", actorRole: "" })).not.toBe(auditRecordHash(null, { ...base, actorId: "u-1", actorRole: "clinician" }));
    // A quote inside a value stays inside it.
    expect(JSON.parse(canonicalAuditRecord(null, { ...base, actorId: 'u","admin' }))).toContain('u","admin');
  });
});

describe("storableText", () => {
  it("replaces lone surrogates, which have no UTF-8 form, and keeps everything else", () => {
    expect(storableText("a\ud800b")).toBe("a\ufffdb");
    expect(storableText("a\udc00")).toBe("a\ufffd");
    expect(storableText("smile 😀, NUL \u0000, ü")).toBe("smile 😀, NUL \u0000, ü");
    expect(storableText(null)).toBeNull();
  });
});

describe("AuditChainVerifier", () => {
  it("accepts an intact trail and reports each chain's head", () => {
    const rows = chain([{ clinicId: "c-1" }, { clinicId: "c-2" }, { clinicId: null }, { clinicId: "c-1" }, { clinicId: null }]);
    const { broken, verifier } = verify(rows);
    expect(broken).toBeNull();
    expect(verifier.rows).toBe(5);
    expect(verifier.chains()).toEqual([
      { clinicId: "c-1", rows: 2, id: 4, hash: rows[3]!.hash },
      { clinicId: "c-2", rows: 1, id: 2, hash: rows[1]!.hash },
      { clinicId: null, rows: 2, id: 5, hash: rows[4]!.hash },
    ]);
  });

  it("accepts an empty trail", () => {
    expect(verify([], 0).broken).toBeNull();
  });

  it("keeps one chain per clinic: a row links to its own clinic's previous row, not the trail's", () => {
    const rows = chain([{ clinicId: "c-1" }, { clinicId: "c-2" }, { clinicId: "c-1" }]);
    expect(rows[1]!.prevHash).toBeNull();
    expect(rows[2]!.prevHash).toBe(rows[0]!.hash);
  });

  it("names an altered row", () => {
    const rows = chain([{}, {}, {}]);
    rows[1] = { ...rows[1]!, detail: '{"view":"nothing to see"}' };
    expect(verify(rows).broken).toMatchObject({ id: 2, clinicId: "c-1", occurredAt: base.occurredAt, kind: "altered" });
  });

  it("names a row whose link was rewritten as altered: the hash covers the link", () => {
    const rows = chain([{}, {}, {}]);
    rows[2] = { ...rows[2]!, prevHash: rows[0]!.hash };
    expect(verify(rows).broken).toMatchObject({ id: 3, kind: "altered" });
  });

  it("names a row written without a hash", () => {
    const rows = chain([{}, {}]);
    rows[1] = { ...rows[1]!, hash: null, prevHash: null };
    expect(verify(rows).broken).toMatchObject({ id: 2, kind: "unchained" });
  });

  it("names a deleted row by its id, from the gap it leaves", () => {
    const rows = chain([{}, { clinicId: "c-2" }, {}, {}]);
    expect(verify([rows[0]!, rows[2]!, rows[3]!]).broken).toMatchObject({ id: 2, kind: "deleted", reason: expect.stringMatching(/row #2 is missing.*from #1 to #3/) });
    expect(verify([rows[0]!, rows[3]!]).broken).toMatchObject({ id: 2, kind: "deleted", reason: expect.stringMatching(/rows #2–#3 are missing/) });
  });

  it("names the first rows of the trail deleted", () => {
    const rows = chain([{}, {}, {}]);
    expect(verify(rows.slice(1)).broken).toMatchObject({ id: 1, kind: "deleted" });
  });

  it("sees a deletion through the next link even when the ids were closed up", () => {
    // Delete #2, renumber #3 as #2 and recompute its hash over its old link: ids and hashes look right.
    const rows = chain([{}, {}, {}]);
    const moved = { ...rows[2]!, id: 2 };
    const renumbered = { ...moved, hash: auditRecordHash(moved.prevHash, moved) };
    expect(verify([rows[0]!, renumbered]).broken).toMatchObject({ id: 2, kind: "deleted", linkedHash: rows[1]!.hash, reason: expect.stringContaining("does not follow #1") });
  });

  it("sees a chain whose first row was deleted and the ids closed up", () => {
    const rows = chain([{ clinicId: "c-2" }, { clinicId: "c-1" }, { clinicId: "c-1" }]);
    const moved = { ...rows[2]!, id: 2 };
    const renumbered = { ...moved, hash: auditRecordHash(moved.prevHash, moved) };
    expect(verify([rows[0]!, renumbered]).broken).toMatchObject({ id: 2, kind: "deleted", reason: expect.stringContaining("first rows were deleted") });
  });

  it("names rows deleted from the end when the sequence remembers more ids", () => {
    const rows = chain([{}, {}, {}]);
    expect(verify(rows, 3).broken).toBeNull();
    expect(verify(rows.slice(0, 2), 3).broken).toMatchObject({ id: 3, kind: "deleted", reason: expect.stringMatching(/row #3 is missing from the end/) });
    expect(verify(rows.slice(0, 1), 3).broken).toMatchObject({ id: 2, reason: expect.stringMatching(/rows #2–#3 are missing/) });
  });
});

describe("refineBrokenLink", () => {
  const rows = chain([{}, {}, {}]);
  const brokenLink = { id: 2, kind: "deleted" as const, reason: "does not follow #1", linkedHash: rows[2]!.hash! };

  it("calls a link to a row that still exists a reordering, naming that row", () => {
    expect(refineBrokenLink(brokenLink, 3)).toMatchObject({ id: 2, kind: "reordered", reason: "it links back to #3, which comes after it" });
    expect(refineBrokenLink({ ...brokenLink, id: 5 }, 1)).toMatchObject({ kind: "reordered", reason: expect.stringContaining("not the previous row") });
  });

  it("keeps a link to nothing as a deletion, and leaves other findings alone", () => {
    expect(refineBrokenLink(brokenLink, null)).toBe(brokenLink);
    const altered = { id: 2, kind: "altered" as const, reason: "x" };
    expect(refineBrokenLink(altered, 3)).toBe(altered);
  });
});

describe("AuditChainLinker", () => {
  it("continues each chain from where headOf says it stands, asking once per chain", () => {
    const asked: (string | null)[] = [];
    const linker = new AuditChainLinker((clinicId) => {
      asked.push(clinicId);
      return clinicId === "c-1" ? "f".repeat(64) : null;
    });
    const first = linker.link({ ...base, id: 10 });
    const second = linker.link({ ...base, id: 11 });
    const other = linker.link({ ...base, id: 12, clinicId: null });
    expect(first.prevHash).toBe("f".repeat(64));
    expect(second.prevHash).toBe(first.hash);
    expect(other.prevHash).toBeNull();
    expect(asked).toEqual(["c-1", null]);
  });
});
