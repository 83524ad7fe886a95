/** The public set-password page for a link's token, on the origin the request came to (no mail server: an admin hands it on). */
export function setPasswordUrl(request: Request, token: string): string {
  return new URL(`/set-password/${token}`, request.url).toString();
}
