import type { Metadata } from "next";
import QRCode from "qrcode";
import { ClinicTime } from "@/app/_components/clinic-time";
import { Alert } from "@/app/_components/ui/card";
import { requirePageActor } from "@/lib/auth/page-guards";
import { STAFF_ROLES } from "@/lib/auth/types";
import { getMfaStatus, pendingMfaEnrolment } from "@/lib/data/mfa";
import { PasswordForm } from "./password-form";
import { TwoFactorSetup, TwoFactorOff } from "./two-factor";

export const metadata: Metadata = { title: "Your account" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AccountPage({ searchParams }: Props) {
  const actor = await requirePageActor(STAFF_ROLES, { allowMfaDue: true });
  const required = (await searchParams).mfa === "required";
  const status = getMfaStatus(actor);
  const pending = status.enabled ? null : pendingMfaEnrolment(actor);
  // Drawn on the server: the secret never passes through a third-party QR service or browser library.
  const qrSvg = pending ? await QRCode.toString(pending.otpauthUri, { type: "svg", margin: 1, width: 208, errorCorrectionLevel: "M" }) : null;
  return (
    <div className="max-w-2xl space-y-8">
      <h1 className="text-2xl font-semibold">Your account</h1>
      {required && !status.enabled && (
        <Alert tone="warning" role="status">
          <strong>Your clinic requires two-factor sign-in.</strong> Set it up below to continue: each sign-in will then ask for a code from an
          authenticator app on your phone.
        </Alert>
      )}
      <section aria-labelledby="mfa-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="mfa-title" className="text-lg font-semibold">
          Two-factor sign-in
        </h2>
        {status.enabled ? (
          <>
            <p className="text-sm text-slate-800">
              On since <ClinicTime iso={status.enabledAt!} />. Each sign-in asks for a code from your authenticator app.{" "}
              {status.recoveryCodesLeft} of 10 recovery codes left.
            </p>
            <TwoFactorOff />
          </>
        ) : (
          <TwoFactorSetup pending={pending && qrSvg ? { secret: pending.secret, qrSvg } : null} />
        )}
      </section>
      <section aria-labelledby="password-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="password-title" className="text-lg font-semibold">
          Change your password
        </h2>
        <p className="text-sm text-slate-700">12 to 128 characters; a passphrase of a few words works well. Your other sign-ins end when it changes.</p>
        <PasswordForm />
      </section>
    </div>
  );
}
