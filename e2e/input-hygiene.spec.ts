import type { APIRequestContext, APIResponse } from "@playwright/test";
import { DEMO } from "./accounts";
import { createTestPatient, expect, screenPatient, sessionReport, test, validApproval } from "./fixtures";

/**
 * Hostile bodies sent to real endpoints (issue #13): each is refused with a 400 that names the field,
 * stays small whatever was sent, and stores nothing.
 */

/** A token no other test writes, so "nothing stored" holds while other specs run alongside. */
const token = () => `hyg${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

async function expectRefused(response: APIResponse, path: string, message: RegExp) {
  const text = await response.text();
  expect(response.status(), text.slice(0, 300)).toBe(400);
  // An error message and one issue, never what was sent back.
  expect(text.length).toBeLessThan(1_000);
  const body = JSON.parse(text) as { error: string; issues: { path: string; message: string }[] };
  expect(body.issues).toContainEqual({ path, message: expect.stringMatching(message) });
  return text;
}

async function roster(api: APIRequestContext, q: string) {
  const response = await api.get(`/api/patients?q=${encodeURIComponent(q)}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: { name: string }[] }).items;
}

test.describe("input hygiene at the API", () => {
  test("a patient name with a bidi override is refused and not stored; invisibles are stripped and names stored composed", async ({ apiAs }) => {
    const api = await apiAs(DEMO.rivera);
    const me = await (await api.get("/api/me")).json();
    const mark = token();
    const patient = (name: string, mrn: string) => ({ name, dateOfBirth: "1988-03-14", mrn, skinType: 2, responsibleClinicianId: me.id });

    // Rendered, this reads "Jordan <mark>fdp.exe" backwards: the name shown would not be the name stored.
    const spoof = await api.post("/api/patients", { data: patient(`Jordan ${mark}\u202Eexe.pdf`, `${mark}-A`.toUpperCase()) });
    await expectRefused(spoof, "name", /hidden text-direction characters/);
    const controls = await api.post("/api/patients", { data: patient(`Jordan ${mark}\u0007\u001b[2J`, `${mark}-B`.toUpperCase()) });
    await expectRefused(controls, "name", /hidden control characters/);
    const twoLines = await api.post("/api/patients", { data: patient(`Jordan\n${mark}`, `${mark}-C`.toUpperCase()) });
    await expectRefused(twoLines, "name", /one line/);
    expect(await roster(api, mark)).toEqual([]);

    // A zero-width space pasted with the name, and an "ë" typed as e + combining diaeresis.
    const kind = await api.post("/api/patients", { data: patient(`Zoe\u0308\u200B Ó Briain ${mark}`, `${mark}-D`.toUpperCase()) });
    expect(kind.status(), await kind.text()).toBe(201);
    expect((await kind.json()).name).toBe(`Zoë Ó Briain ${mark}`);
    expect((await roster(api, `Zoë Ó Briain ${mark}`)).map((p) => p.name)).toEqual([`Zoë Ó Briain ${mark}`]);
  });

  test("a session on a date that does not exist is refused, not rolled into the next month", async ({ apiAs }) => {
    const api = await apiAs(DEMO.rivera);
    const patient = await createTestPatient(api, "Hygiene Session");
    const post = (overrides: Record<string, unknown>) => api.post(`/api/patients/${patient.id}/sessions`, { data: sessionReport(overrides) });

    // 2026-02-30 was once stored as 2 March; 24:00 as the next midnight.
    await expectRefused(await post({ performedAt: "2026-02-30T10:00:00Z" }), "performedAt", /^Use a real date and time/);
    await expectRefused(await post({ performedAt: "2026-01-31T24:00:00Z" }), "performedAt", /^Use a real date and time/);
    await expectRefused(await post({ notes: "fine \u2066\u202Eenif\u2069" }), "notes", /hidden text-direction characters/);

    const list = await (await api.get(`/api/patients/${patient.id}/sessions`)).json();
    expect(list.total).toBe(0);
  });

  test("a plan with a 50 kB area is refused without echoing it, and no plan is stored", async ({ apiAs }) => {
    const api = await apiAs(DEMO.rivera);
    const patient = await createTestPatient(api, "Hygiene Plan");
    const screeningVersion = await screenPatient(api, patient.id);
    const area = "a".repeat(50_000);

    const response = await api.post(`/api/patients/${patient.id}/plans`, { data: validApproval({ screeningVersion, areas: [{ area, maxNeedleMm: 0.5 }] }) });
    const text = await expectRefused(response, "areas.0.area", /at most 60 characters/);
    expect(text).not.toContain("aaaaaaaaaa");

    const plans = await (await api.get(`/api/patients/${patient.id}/plans`)).json();
    expect(plans.items).toEqual([]);
  });

  test("a patient's reaction note with hidden characters is refused, and nothing is stored", async ({ apiAs }) => {
    const api = await apiAs(DEMO.lee);
    const me = await (await api.get("/api/me")).json();
    const patientId = me.patientId as string;
    expect(patientId).toEqual(expect.any(String));
    const mark = token();
    const reaction = (overrides: Record<string, unknown>) => ({
      reportedAt: new Date(Date.now() - 3_600_000).toISOString(),
      area: "face",
      symptoms: [{ symptom: "erythema", grade: 1 }],
      ...overrides,
    });

    const hidden = await api.post(`/api/patients/${patientId}/reactions`, { data: reaction({ notes: `Red ${mark}\u202E` }) });
    await expectRefused(hidden, "notes", /hidden text-direction characters/);
    const impossible = await api.post(`/api/patients/${patientId}/reactions`, { data: reaction({ reportedAt: "2025-02-29T10:00:00Z", notes: mark }) });
    await expectRefused(impossible, "reportedAt", /^Use a real date and time/);

    // Other specs report for this patient too: look for this test's mark, not for a count.
    const list = await (await api.get(`/api/patients/${patientId}/reactions?pageSize=100`)).json();
    expect(list.items.filter((r: { notes: string | null }) => r.notes?.includes(mark))).toEqual([]);
  });
});
