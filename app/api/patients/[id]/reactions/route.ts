import { listReactions, reportReaction } from "@/lib/data/reactions";
import { patientReportRoutes } from "@/lib/http/patient-reports";
import { reactionReportSchema } from "@/lib/validation/reports";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = patientReportRoutes({ schema: reactionReportSchema, list: listReactions, create: reportReaction });
