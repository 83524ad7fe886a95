import { describe, expect, it } from "vitest";
import { isUnreadableActionBody } from "./server-action-body";

const call = (body: BodyInit, headers: Record<string, string> = { "content-type": "text/plain;charset=UTF-8" }) =>
  new Request("http://localhost/set-password/x", { method: "POST", body, headers: { "next-action": "abc", ...headers } });

describe("isUnreadableActionBody", () => {
  it("accepts what React sends: JSON text, or a multipart form", async () => {
    expect(await isUnreadableActionBody(call('["$K1",{"a":1}]'))).toBe(false);
    const form = new FormData();
    form.set("password", "a long passphrase");
    expect(await isUnreadableActionBody(new Request("http://localhost/x", { method: "POST", body: form, headers: { "next-action": "abc" } }))).toBe(false);
  });

  it("refuses text that is not JSON, an empty body and a broken multipart body", async () => {
    for (const body of ["{{{", "", "[1,2"]) expect(await isUnreadableActionBody(call(body)), JSON.stringify(body)).toBe(true);
    expect(await isUnreadableActionBody(call("--x\r\nnot a part", { "content-type": "multipart/form-data; boundary=x" }))).toBe(true);
  });

  it("leaves everything that is not a server action call alone, and the body readable", async () => {
    expect(await isUnreadableActionBody(new Request("http://localhost/x", { method: "POST", body: "{{{" }))).toBe(false);
    const request = call('["ok"]');
    await isUnreadableActionBody(request);
    expect(await request.text()).toBe('["ok"]');
  });
});
