/** Words the synthetic clinic writes: names, notes, reasons. Plain data, no logic. */

export const GIVEN_NAMES = [
  "Amara", "Liam", "Noor", "Mateo", "Hana", "Oliver", "Zainab", "Lucas", "Mei", "Ethan", "Fatima", "Diego", "Ingrid", "Kwame",
  "Sakura", "Rafael", "Aisha", "Tomasz", "Leila", "Finn", "Yusuf", "Chloe", "Arjun", "Elena", "Kofi", "Maya", "Grace", "Omar",
  "Sofia", "Daniel", "Priya", "Jonas", "Nadia", "Samuel", "Lina", "Mohammed", "Emma", "Hiroshi", "Chiara", "Ravi", "Freya",
  "Tariq", "Isla", "Marco", "Yara", "Patrick", "Ines", "Kenji", "Olivia", "Andre", "Zoe", "Malik", "Ruth", "Felix", "Amina",
  "Lars", "Carmen", "Joseph", "Anya", "Theo", "Sana", "Hugo", "Nia", "Victor", "Lucia", "Emeka", "Julia", "Sven", "Rosa",
];

export const FAMILY_NAMES = [
  "Okonkwo", "Murphy", "Haddad", "Rossi", "Tanaka", "Brown", "Hussain", "Silva", "Wong", "Clarke", "Nowak", "Ortiz", "Larsen",
  "Mensah", "Ito", "Costa", "Rahman", "Kowalski", "Farah", "Byrne", "Demir", "Dubois", "Iyer", "Petrova", "Asante", "Cohen",
  "Smith", "Nguyen", "Garcia", "Khan", "Schmidt", "Kim", "Novak", "Jensen", "Adeyemi", "Moreau", "Lopez", "Sato", "Walsh",
  "Ali", "Fischer", "Park", "Reyes", "Andersen", "Osei", "Bianchi", "Singh", "Hughes", "Yilmaz", "Romero", "Chen", "Kelly",
  "Nakamura", "Bakker", "Torres", "Mwangi", "Horvat", "Eriksson", "Patel", "Ahmed", "Lindqvist", "Fernandes", "Obi", "Zhang",
];

/** The clinicians who join the demo's Dr. Rivera and Dr. Okafor at Northside. */
export const SYNTHETIC_CLINICIANS = [
  { email: "nguyen@northside.test", name: "Dr. Linh Nguyen" },
  { email: "haddad@northside.test", name: "Dr. Karim Haddad" },
  { email: "larsen@northside.test", name: "Dr. Astrid Larsen" },
  { email: "mensah@northside.test", name: "Dr. Kojo Mensah" },
  { email: "costa@northside.test", name: "Dr. Beatriz Costa" },
] as const;

export const SESSION_NOTES = [
  "Went fine, slight tingling.",
  "Used the serum from the clinic afterwards.",
  "Did it a bit later than usual.",
  "Skin felt tight for an hour.",
  "Quick session, no problems.",
  "Replaced the roller head this week.",
  "A little pinpoint bleeding on the forehead.",
];

export const REACTION_NOTES = [
  "Pink this morning, fading.",
  "Stings a little when I wash.",
  "Bit puffy around the cheeks.",
  "Dry and flaky today.",
  "Itchy in the evening.",
  "Looks almost normal now.",
];

export const CONCERNING_NOTES: Record<string, string> = {
  infection: "Yellow crust and warm to touch on one side.",
  severe: "Very painful, could not wash my face.",
  persistent: "Still red days later, not settling.",
  worsening: "Redder today than yesterday.",
  lasting: "Dark patches where I rolled.",
  blistering: "Small grouped blisters near the lip.",
  nodules: "New small lumps under the skin.",
};

export const DENIAL_REASONS: Record<string, string> = {
  pregnancy: "Pregnant; home microneedling deferred until after breastfeeding.",
  isotretinoin: "Oral isotretinoin within the last six months; re-screen once the lookback has passed.",
  active_infection: "Active skin infection in the area; treat it first and re-screen.",
  active_acne: "Active inflammatory acne on the cheeks; treat the acne first and re-screen in 3 months.",
  keloid: "History of keloid scarring; home needling not advised.",
  collagen_vascular: "Autoimmune connective tissue disease; home needling not advised.",
  immunosuppression: "Currently immunosuppressed; wound healing risk too high for home needling.",
  skin_cancer: "Actinic keratoses in the treatment area; to be treated in clinic first.",
  none: "Expectations better served by in-clinic treatment; discussed options with the patient.",
};

export const OVERRIDE_TEXTS: Record<string, string> = {
  keloid: "Single small keloid on the chest only; face at 0.25 mm discussed and accepted with close follow-up.",
  skin_cancer: "Lesion excised with clear margins last year, outside the treatment area; dermatoscopy today normal.",
  collagen_vascular: "Limited disease in remission for years, rheumatologist agrees; short needles only with follow-up.",
};

export const SUSPENSION_REASONS = {
  alert: "Suspended after the reported reaction; to be reviewed in clinic before restarting.",
  offPlan: "Suspended after an off-plan session with a clinic-depth needle; to be reviewed in clinic.",
  pregnancy: "Patient now pregnant; home plan suspended until after breastfeeding.",
  contraindication: "New contraindication on the latest screening; plan suspended until reviewed in clinic.",
};

export const INTERVAL_OVERRIDE = "Tolerated the previous course well at this spacing; agreed in clinic after reviewing photos.";

export const RESOLUTION_NOTES: Record<string, readonly string[]> = {
  off_plan_session: [
    "Called the patient; went through the plan limits again.",
    "Discussed spacing and needle length by phone; patient understands.",
    "Reminded the patient to sanitize and patch test; no harm done.",
  ],
  reaction: [
    "Reviewed photos; expected reaction, settling. Advised barrier cream.",
    "Called the patient; improving, keep spacing as planned.",
    "Seen in clinic; resolved with topical treatment.",
    "Advised a longer gap before the next session.",
  ],
  new_contraindication: ["Reviewed the new screening answer with the patient; decision recorded on the plan."],
};
