/** next-auth's error code when the password was right and the account asks for its second factor. */
export const MFA_REQUIRED = "MfaRequired";
