import { listReactions, reportReaction } from "@/lib/data/reactions";
import { patientReportRoutes } from "@/lib/http/patient-reports";
import { reactionReportSchema } from "@/lib/validation/reports";

export const { GET, POST } = patientReportRoutes({ schema: reactionReportSchema, list: listReactions, create: reportReaction });
