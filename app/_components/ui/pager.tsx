import { ButtonLink } from "./button";

type Props = {
  page: number;
  pageSize: number;
  total: number;
  /** The link to page n, keeping the list's filters. */
  href: (page: number) => string;
  /** What is counted, singular and plural: ["patient", "patients"]. */
  noun: readonly [string, string];
  label?: string;
};

/** Previous / next links under every paged list; plain links, so paging works without JavaScript. */
export function Pager({ page, pageSize, total, href, noun, label = "Pagination" }: Props) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-2 text-sm">
      <p className="text-slate-700">
        Page {Math.min(page, pageCount)} of {pageCount} · {total} {total === 1 ? noun[0] : noun[1]}
      </p>
      <div className="flex gap-2">
        {page > 1 && <ButtonLink href={href(Math.min(page - 1, pageCount))}>Previous</ButtonLink>}
        {page < pageCount && <ButtonLink href={href(page + 1)}>Next</ButtonLink>}
      </div>
    </nav>
  );
}
