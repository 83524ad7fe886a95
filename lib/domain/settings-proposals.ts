import type { Role } from "./roles";

/**
 * Loosening a DOMAIN.md block class (block → review) is a two-step act: a clinician proposes it with a
 * reason, and a second clinician or an admin of the clinic confirms it within this many hours. Until
 * then the old setting holds; an unconfirmed proposal lapses.
 */
export const PROPOSAL_TTL_HOURS = 24;

export type ProposalState = "pending" | "confirmed" | "withdrawn" | "expired" | "superseded";

export const PROPOSAL_STATE_LABELS: Record<ProposalState, string> = {
  pending: "Awaiting confirmation",
  confirmed: "Confirmed: in force",
  withdrawn: "Withdrawn",
  expired: "Expired unconfirmed",
  superseded: "Superseded: the settings changed since it was proposed",
};

export type ProposalTimes = { proposedBy: string; expiresAt: string; confirmedAt: string | null; withdrawnAt: string | null };

export function proposalExpiresAt(proposedAt: Date): string {
  return new Date(proposedAt.getTime() + PROPOSAL_TTL_HOURS * 3_600_000).toISOString();
}

/**
 * Where a proposal stands at `now`. `stale`: the clinic's settings are no longer the ones it was
 * proposed against, so confirming it would silently undo a later change.
 */
export function proposalState(p: ProposalTimes, now: Date, stale = false): ProposalState {
  if (p.confirmedAt) return "confirmed";
  if (p.withdrawnAt) return "withdrawn";
  if (now.toISOString() >= p.expiresAt) return "expired";
  return stale ? "superseded" : "pending";
}

export type ProposalRefusal = { status: 403 | 409; reason: string; message: string };

const NOT_PENDING: Record<Exclude<ProposalState, "pending">, string> = {
  confirmed: "This proposal is already confirmed.",
  withdrawn: "This proposal was withdrawn.",
  expired: `This proposal expired: a loosening must be confirmed within ${PROPOSAL_TTL_HOURS} hours. Propose it again.`,
  superseded: "The clinic's settings changed since this was proposed. Propose it again on the current settings.",
};

type Caller = { id: string; role: Role };

/** Why this caller may not confirm the proposal, or null: a second clinician or an admin, while pending. */
export function confirmRefusal(caller: Caller, p: ProposalTimes, now: Date, stale: boolean): ProposalRefusal | null {
  if (caller.role !== "clinician" && caller.role !== "admin") {
    return { status: 403, reason: "role_not_permitted", message: "Only a clinician or an admin of the clinic can confirm a settings change." };
  }
  if (caller.id === p.proposedBy) {
    return { status: 403, reason: "own_proposal", message: "A second clinician or an admin must confirm this: you proposed it." };
  }
  const state = proposalState(p, now, stale);
  return state === "pending" ? null : { status: 409, reason: state, message: NOT_PENDING[state] };
}

/** Why this caller may not withdraw the proposal, or null: its proposer or an admin, while not yet decided. */
export function withdrawRefusal(caller: Caller, p: ProposalTimes, now: Date): ProposalRefusal | null {
  if (caller.id !== p.proposedBy && caller.role !== "admin") {
    return { status: 403, reason: "not_proposer", message: "Only the clinician who proposed this, or an admin, can withdraw it." };
  }
  const state = proposalState(p, now);
  return state === "pending" ? null : { status: 409, reason: state, message: NOT_PENDING[state] };
}
