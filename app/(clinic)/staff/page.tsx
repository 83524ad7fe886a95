import type { Metadata } from "next";
import { ClinicTime } from "@/app/_components/clinic-time";
import { Badge, type BadgeTone } from "@/app/_components/ui/badge";
import { Alert, Card } from "@/app/_components/ui/card";
import { Pager } from "@/app/_components/ui/pager";
import { requirePageActor } from "@/lib/auth/page-guards";
import { listStaff, type StaffListItem } from "@/lib/data/staff";
import { staffListQuerySchema } from "@/lib/validation/staff";
import { InviteStaffForm } from "./invite-staff-form";
import { StaffActions } from "./staff-actions";

export const metadata: Metadata = { title: "Staff" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const STATUS: Record<StaffListItem["status"], { label: string; tone: BadgeTone }> = {
  active: { label: "Active", tone: "success" },
  invited: { label: "Invited, no password yet", tone: "warning" },
  deactivated: { label: "Deactivated", tone: "neutral" },
};

function statusOf(m: StaffListItem) {
  // A reset also leaves the account without a password; someone who has signed in before is not "invited".
  if (m.status === "invited" && m.lastSignInAt) return { label: "Password reset, not yet set", tone: "warning" as const };
  return STATUS[m.status];
}

export default async function StaffPage({ searchParams }: Props) {
  const actor = await requirePageActor(["admin"]);
  const raw = await searchParams;
  const parsed = staffListQuerySchema.safeParse({ page: raw.page });
  const { items, total, page, pageSize } = listStaff(actor, parsed.success ? parsed.data : staffListQuerySchema.parse({}));

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Staff</h1>
        <p className="text-sm text-slate-700">
          Who can sign in to your clinic. A role change, a deactivation or a password reset signs that person out everywhere at once.
        </p>
      </div>
      {!parsed.success && <Alert tone="warning">That page number could not be read, so the first page is shown.</Alert>}
      <Card aria-labelledby="invite-heading">
        <h2 id="invite-heading" className="mb-3 text-lg font-semibold">
          Invite a staff member
        </h2>
        <InviteStaffForm />
      </Card>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">Staff of your clinic, by name</caption>
          <thead className="bg-slate-50 text-left text-slate-700">
            <tr>
              {["Name", "Status", "Last sign-in", "Two-factor", "Manage"].map((h) => (
                <th key={h} scope="col" className="px-3 py-2 font-medium">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 align-top">
            {items.map((m) => {
              const status = statusOf(m);
              return (
                <tr key={m.id}>
                  <th scope="row" className="px-3 py-3 text-left font-normal">
                    <span className="block font-medium">{m.name}</span>
                    <span className="block text-slate-700">{m.email}</span>
                    <span className="block text-slate-700">{m.role === "admin" ? "Admin" : "Clinician"}</span>
                  </th>
                  <td className="px-3 py-3">
                    <Badge tone={status.tone} className="whitespace-nowrap">
                      {status.label}
                    </Badge>
                  </td>
                  <td className="whitespace-nowrap px-3 py-3">{m.lastSignInAt ? <ClinicTime iso={m.lastSignInAt} /> : "Never"}</td>
                  <td className="px-3 py-3">{m.mfaEnabled ? <Badge tone="success">On</Badge> : <Badge>Off</Badge>}</td>
                  <td className="min-w-[30rem] px-3 py-3">
                    {m.id === actor.id ? (
                      <p className="text-slate-700">This is you. Another admin can change your role or access.</p>
                    ) : (
                      <StaffActions member={m} />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Pager page={page} pageSize={pageSize} total={total} href={(n) => `/staff?page=${n}`} noun={["staff member", "staff members"]} label="Staff pages" />
    </div>
  );
}
