import { createHash } from "node:crypto";

/**
 * The audit trail's hash chain (issue #13). Each row's hash covers every stored field and the hash
 * of the previous row of the same clinic, so changing, removing or reordering a row breaks every
 * link after it. Rows without a clinic form one chain of their own. Server-side only (node:crypto).
 *
 * A chain proves order and integrity, not completeness at its end: whoever can write the file can
 * drop its newest rows, or recompute every hash. Recording each chain's head elsewhere (what
 * `npm run audit:verify` prints) is what catches both.
 */

/** Every stored field of an audit row but its own link and hash. */
export type AuditRecord = {
  id: number;
  occurredAt: string;
  actorId: string | null;
  actorRole: string | null;
  clinicId: string | null;
  action: string;
  patientId: string | null;
  outcome: string;
  ip: string | null;
  detail: string | null;
};

export type ChainedAuditRecord = AuditRecord & { prevHash: string | null; hash: string | null };

/** Names the encoding, so a future one can be told apart from this one. */
const ENCODING = "dermaplan-audit/1";

/**
 * A JSON array in a fixed order: strings are quoted and escaped, so a null never reads as the text
 * "null" and no value can move a field boundary.
 */
export function canonicalAuditRecord(prevHash: string | null, r: AuditRecord): string {
  return JSON.stringify([ENCODING, prevHash, r.id, r.occurredAt, r.actorId, r.actorRole, r.clinicId, r.action, r.patientId, r.outcome, r.ip, r.detail]);
}

export function auditRecordHash(prevHash: string | null, record: AuditRecord): string {
  return createHash("sha256").update(canonicalAuditRecord(prevHash, record), "utf8").digest("hex");
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * The text SQLite will hand back. A lone UTF-16 surrogate has no UTF-8 form: stored as is, it reads
 * back as replacement characters and the row's hash would no longer match. Replaced by U+FFFD first
 * (as String.prototype.toWellFormed does), what is hashed is what is stored.
 */
export function storableText<T extends string | null>(value: T): T {
  return (value === null ? null : value.replace(LONE_SURROGATE, "\ufffd")) as T;
}

/** The key of a row's chain: its clinic, or the one chain of rows without a clinic. */
export const chainKey = (clinicId: string | null): string => (clinicId === null ? "-" : `clinic:${clinicId}`);

export type ChainHead = { clinicId: string | null; rows: number; id: number; hash: string };

export type ChainBreakKind = "altered" | "deleted" | "reordered" | "unchained";

/**
 * The first thing wrong, at the row it was found. For a deleted row, `id` is the missing row's and
 * its clinic and time are unknown (they went with it).
 */
export type ChainBreak = {
  id: number;
  clinicId?: string | null;
  occurredAt?: string;
  kind: ChainBreakKind;
  reason: string;
  /** For a broken link: the hash the row points back to, which no longer heads its chain. */
  linkedHash?: string;
};

/**
 * Checks rows handed to it in id order, one at a time, keeping only each chain's head (constant
 * memory whatever the trail's length). Ids are assigned one after another and rows are never
 * deleted, so a missing id is a deleted row even before its chain's next link says so.
 */
export class AuditChainVerifier {
  private lastId = 0;
  private readonly heads = new Map<string, ChainHead>();
  rows = 0;

  check(row: ChainedAuditRecord): ChainBreak | null {
    const where = { id: row.id, clinicId: row.clinicId, occurredAt: row.occurredAt };
    if (row.id !== this.lastId + 1) {
      const first = this.lastId + 1;
      const missing = row.id > first + 1 ? `rows #${first}–#${row.id - 1} are` : `row #${first} is`;
      return { id: first, kind: "deleted", reason: `${missing} missing: the trail jumps from #${this.lastId} to #${row.id}` };
    }
    if (row.hash === null) return { ...where, kind: "unchained", reason: "it has no hash: it was written around the chain, not by recordAudit" };
    if (auditRecordHash(row.prevHash, row) !== row.hash) return { ...where, kind: "altered", reason: "its stored fields no longer match its hash" };
    const key = chainKey(row.clinicId);
    const head = this.heads.get(key);
    if (row.prevHash !== (head?.hash ?? null)) {
      const reason = head
        ? `it does not follow #${head.id}, the previous row of its chain: a row between them was deleted, or #${head.id} was rewritten`
        : "it links back to an earlier row, but none of its chain comes before it: the chain's first rows were deleted";
      return { ...where, kind: "deleted", reason, ...(row.prevHash === null ? {} : { linkedHash: row.prevHash }) };
    }
    this.lastId = row.id;
    this.rows += 1;
    this.heads.set(key, { clinicId: row.clinicId, rows: (head?.rows ?? 0) + 1, id: row.id, hash: row.hash });
    return null;
  }

  /**
   * After the last row: SQLite's AUTOINCREMENT sequence remembers the highest id ever given, so rows
   * deleted from the end show as ids handed out but not there. (Whoever resets the sequence as well
   * escapes this; only a recorded head does not.)
   */
  finish(highestIdEverGiven: number): ChainBreak | null {
    if (highestIdEverGiven <= this.lastId) return null;
    const first = this.lastId + 1;
    const range = highestIdEverGiven > first ? `rows #${first}–#${highestIdEverGiven} are` : `row #${first} is`;
    return { id: first, kind: "deleted", reason: `${range} missing from the end of the trail (ids were given up to #${highestIdEverGiven})` };
  }

  chains(): ChainHead[] {
    return [...this.heads.values()];
  }
}

/**
 * Links rows written one after another (the backfill of old rows, the synthesizer's bulk insert),
 * asking `headOf` where a chain stands only the first time it meets the chain.
 */
export class AuditChainLinker {
  private readonly heads = new Map<string, string | null>();

  constructor(private readonly headOf: (clinicId: string | null) => string | null) {}

  link(record: AuditRecord): { prevHash: string | null; hash: string } {
    const key = chainKey(record.clinicId);
    const prevHash = this.heads.has(key) ? (this.heads.get(key) ?? null) : this.headOf(record.clinicId);
    const hash = auditRecordHash(prevHash, record);
    this.heads.set(key, hash);
    return { prevHash, hash };
  }
}

/**
 * A broken link pointing at a row that still exists means the rows were put out of their order (or
 * the chain forked), not that the row it followed was deleted.
 */
export function refineBrokenLink(found: ChainBreak, linkedRowId: number | null): ChainBreak {
  if (linkedRowId === null || found.kind !== "deleted") return found;
  const where = linkedRowId > found.id ? "which comes after it" : "which is not the previous row of its chain";
  return { ...found, kind: "reordered", reason: `it links back to #${linkedRowId}, ${where}` };
}
