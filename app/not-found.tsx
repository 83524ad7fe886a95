import { ButtonLink } from "./_components/ui/button";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-slate-700">This page does not exist, or you do not have access to it.</p>
      <ButtonLink href="/" className="mt-6">
        Go to your home page
      </ButtonLink>
    </main>
  );
}
