import { listSessions, logSession } from "@/lib/data/sessions";
import { patientReportRoutes } from "@/lib/http/patient-reports";
import { sessionReportSchema } from "@/lib/validation/reports";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = patientReportRoutes({ schema: sessionReportSchema, list: listSessions, create: logSession });
