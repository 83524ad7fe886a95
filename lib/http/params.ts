/** Route handler context for a dynamic `[id]` segment (params are async in Next.js 16). */
export type IdContext = { params: Promise<{ id: string }> };

export async function idParam(context: IdContext): Promise<string> {
  return (await context.params).id;
}
