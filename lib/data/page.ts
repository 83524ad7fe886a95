/** Every list the product returns is a page of a known total: nothing answers "all rows". */
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export type Paging = { page: number; pageSize: number };

export const offsetOf = ({ page, pageSize }: Paging) => (page - 1) * pageSize;

export const pageOf = <T>(items: T[], total: number, { page, pageSize }: Paging): Page<T> => ({ items, total, page, pageSize });
