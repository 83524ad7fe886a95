import type { APIRequestContext } from "@playwright/test";
import { DEMO } from "./accounts";
import { expect, signInViaForm, test } from "./fixtures";

// Issue #20: turning a DOMAIN block class into a review item takes two people. These tests loosen the
// demo clinic's keloid class, which other specs read (plan-decisions screens keloid as blocking): each
// puts it back the moment it has been seen in force, and they run one after the other.
test.describe.configure({ mode: "serial" });

const KELOID = "Keloid or hypertrophic scarring history";
const reason = () => `Keloid on the chest only; faces here never scarred after procedures (run ${Date.now().toString(36)}).`;

type Settings = { screeningClasses: Record<string, string> } & Record<string, unknown>;
type Proposal = { id: string; state: string; reason: string; proposedBy: { name: string }; confirmedBy: { name: string } | null };

const settingsOf = async (api: APIRequestContext) => (await (await api.get("/api/clinic/settings")).json()) as Settings;
const keloidOf = async (api: APIRequestContext) => (await settingsOf(api)).screeningClasses.keloid;

/** Keloid back to block: a tightening, in force at once (200). */
async function restoreKeloid(api: APIRequestContext) {
  const settings = await settingsOf(api);
  if (settings.screeningClasses.keloid === "block") return;
  const response = await api.put("/api/clinic/settings", { data: { ...settings, screeningClasses: { ...settings.screeningClasses, keloid: "block" } } });
  expect(response.status(), await response.text()).toBe(200);
}

async function proposalWith(api: APIRequestContext, text: string): Promise<Proposal> {
  const { items } = (await (await api.get("/api/clinic/settings/proposals?pageSize=50")).json()) as { items: Proposal[] };
  const found = items.find((p) => p.reason === text);
  if (!found) throw new Error("proposal not listed");
  return found;
}

test("a clinician's proposal to make keloid a review item is not in force until a second clinician confirms it; the proposer cannot", async ({ page, browser, baseURL, apiAs }) => {
  const rivera = await apiAs(DEMO.rivera);
  const text = reason();
  expect(await keloidOf(rivera)).toBe("block");
  try {
    await signInViaForm(page, DEMO.rivera);
    await page.goto("/settings");
    await page.getByLabel(KELOID).selectOption("review");
    await expect(page.getByText(/turning a blocking item into a review item is a proposal/)).toBeVisible();
    await page.getByRole("button", { name: "Propose the change" }).click();
    await expect(page.getByText(/Give a reason: at least 3 words/)).toBeVisible();
    await page.getByLabel("Reason for the change").fill(text);
    await page.getByRole("button", { name: "Propose the change" }).click();
    await expect(page.getByText(/Proposed: Keloid or hypertrophic scarring history keeps blocking/)).toBeVisible();
    expect(await keloidOf(rivera)).toBe("block");

    const mine = page.getByRole("region", { name: "Proposal by Dr. Sofia Rivera" }).filter({ hasText: text });
    await expect(mine.getByText("You proposed this: a second clinician or an admin must confirm it.")).toBeVisible();
    await expect(mine.getByText(/Proposed by Dr\. Sofia Rivera on .*; expires /)).toBeVisible();
    await expect(mine.getByRole("button", { name: "Confirm the change" })).toHaveCount(0);
    const proposal = await proposalWith(rivera, text);
    expect(proposal.state).toBe("pending");
    expect((await rivera.post(`/api/clinic/settings/proposals/${proposal.id}/confirm`)).status()).toBe(403);
    expect(await keloidOf(rivera)).toBe("block");

    const second = await browser.newContext({ baseURL });
    const okafor = await second.newPage();
    await signInViaForm(okafor, DEMO.okafor);
    await okafor.goto("/settings");
    const theirs = okafor.getByRole("region", { name: "Proposal by Dr. Sofia Rivera" }).filter({ hasText: text });
    await expect(theirs.getByText(`Reason: ${text}`)).toBeVisible();
    await theirs.getByRole("button", { name: "Confirm the change" }).click();
    await expect(theirs).toHaveCount(0);
    expect(await keloidOf(rivera)).toBe("review");
    await restoreKeloid(rivera);

    const history = okafor.getByRole("list", { name: "Proposals" }).getByRole("listitem").filter({ hasText: text });
    await expect(history.getByText("Confirmed: in force")).toBeVisible();
    await expect(history.getByText(/confirmed by Dr\. Emeka Okafor/)).toBeVisible();
    await second.close();
  } finally {
    await restoreKeloid(rivera);
  }
});

test("through the API: 202 with the proposal, a reason required, an admin confirms, the proposer withdraws, others may not", async ({ apiAs }) => {
  const rivera = await apiAs(DEMO.rivera);
  const okafor = await apiAs(DEMO.okafor);
  const admin = await apiAs(DEMO.admin);
  const lee = await apiAs(DEMO.lee);
  const settings = await settingsOf(rivera);
  const loosened = { ...settings, screeningClasses: { ...settings.screeningClasses, keloid: "review" } };
  try {
    for (const bad of [undefined, "aaaaaaaaaaaaa"]) {
      const refused = await rivera.put("/api/clinic/settings", { data: { ...loosened, reason: bad } });
      expect(refused.status()).toBe(400);
      expect((await refused.json()).issues[0]).toMatchObject({ path: "reason", rule: "loosening_reason_required" });
    }
    const pregnancy = await rivera.put("/api/clinic/settings", { data: { ...settings, screeningClasses: { ...settings.screeningClasses, pregnancy: "review" }, reason: reason() } });
    expect(pregnancy.status()).toBe(400);
    expect((await admin.put("/api/clinic/settings", { data: { ...loosened, reason: reason() } })).status()).toBe(403);

    const withdrawn = await rivera.put("/api/clinic/settings", { data: { ...loosened, reason: reason() } });
    expect(withdrawn.status()).toBe(202);
    const first = (await withdrawn.json()).proposal as Proposal;
    expect(first).toMatchObject({ state: "pending", proposedBy: { name: "Dr. Sofia Rivera" } });
    expect((await okafor.post(`/api/clinic/settings/proposals/${first.id}/withdraw`)).status()).toBe(403);
    expect((await lee.post(`/api/clinic/settings/proposals/${first.id}/confirm`)).status()).toBe(403);
    expect((await rivera.post(`/api/clinic/settings/proposals/${first.id}/withdraw`)).status()).toBe(200);
    expect((await okafor.post(`/api/clinic/settings/proposals/${first.id}/confirm`)).status()).toBe(409);
    expect(await keloidOf(rivera)).toBe("block");

    const proposed = await rivera.put("/api/clinic/settings", { data: { ...loosened, reason: reason() } });
    expect(proposed.status()).toBe(202);
    const second = (await proposed.json()).proposal as Proposal;
    const confirmed = await admin.post(`/api/clinic/settings/proposals/${second.id}/confirm`);
    expect(confirmed.status()).toBe(200);
    expect((await confirmed.json()).settings.screeningClasses.keloid).toBe("review");
    expect(await keloidOf(rivera)).toBe("review");
    await restoreKeloid(rivera);
    expect((await okafor.post(`/api/clinic/settings/proposals/${second.id}/confirm`)).status()).toBe(409);

    const audit = (await (await admin.get("/api/audit?action=clinic_settings.confirm&pageSize=50")).json()).items as { outcome: string; actor: { name: string } }[];
    expect(audit.some((i) => i.outcome === "success" && i.actor.name === "Morgan Blake")).toBe(true);
    expect(audit.some((i) => i.outcome === "denied")).toBe(true);
  } finally {
    await restoreKeloid(rivera);
  }
});
