import { z } from "zod";

/** A set-password link's token: 32 random bytes in base64url. Anything else is no link at all. */
export const passwordLinkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/** The one answer for a link that cannot be used (unknown, malformed, spent, expired, account disabled). */
export const LINK_UNUSABLE_MESSAGE = "This link has expired or was already used. Ask your clinic for a new one.";
