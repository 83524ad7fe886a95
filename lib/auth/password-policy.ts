import "server-only";
import fs from "node:fs";
import path from "node:path";
import { ValidationError } from "@/lib/errors";

/**
 * The 10,000 most common passwords, lower-cased (the top of zxcvbn-ts's ranked list, MIT), shipped
 * with the app so nothing is looked up over the network. ASVS 5.0 6.2.4.
 */
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(
    fs
      .readFileSync(path.join(process.cwd(), "lib/auth/common-passwords.txt"), "utf8")
      .split("\n")
      .filter(Boolean),
  );
  return common;
}

export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.toLowerCase());
}

/** The server's half of the password rules (lib/validation/auth.ts newPasswordSchema is the other). */
export function assertPasswordAllowed(password: string, path = "password"): void {
  if (isCommonPassword(password)) {
    const message = "This password is on the list of the most common passwords; choose another.";
    throw new ValidationError(message, [{ path, message }]);
  }
}
