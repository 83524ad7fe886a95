import Link from "next/link";
import { Alert } from "@/app/_components/ui/card";

/**
 * A new blocking contraindication was screened after the approval in force: the portal already tells the
 * patient to pause, so the clinician must see it before anything else on the page.
 */
export function NeedsReviewNotice({ editorHref }: { editorHref?: string }) {
  return (
    <Alert tone="error" role="alert" className="space-y-1">
      <p className="font-semibold">Needs review</p>
      <p>
        A new contraindication was screened since this plan was decided; the patient has been told to pause home sessions until you decide
        again.
      </p>
      {editorHref && (
        <Link href={editorHref} className="font-medium text-brand-700 underline-offset-2 hover:underline">
          Decide the plan again
        </Link>
      )}
    </Alert>
  );
}
