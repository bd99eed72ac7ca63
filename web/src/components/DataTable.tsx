import {
  createColumnHelper,
  metaHelper,
  type RowData,
  type TableOptions,
  tableFeatures,
  useTable,
} from "@tanstack/react-table";
import styles from "./DataTable.module.css";
import { TableScroll } from "./TableScroll";

type ColumnMeta = {
  /** The server's sort key for this column; makes the header a sort button. */
  sortKey?: string;
  /** Which way the server orders this key (it offers one direction per key). */
  sortDirection?: "ascending" | "descending";
  /** The cell that names the row (a person's name) becomes a row header for screen readers. */
  isRowHeader?: boolean;
  className?: string;
};

const features = tableFeatures({ columnMeta: metaHelper<ColumnMeta>() });

/** A column helper bound to the features every table in the app shares. */
export function columnHelper<T extends RowData>() {
  return createColumnHelper<typeof features, T>();
}

type DataTableProps<T extends RowData> = {
  caption: string;
  columns: TableOptions<typeof features, T>["columns"];
  data: readonly T[];
  getRowId: (row: T) => string;
  sort?: { by: string; onSort: (key: string) => void };
};

/**
 * A server-driven table: the server already filtered, sorted and paged the rows, so the table only
 * draws them with proper headers, row headers and aria-sort.
 */
export function DataTable<T extends RowData>({ caption, columns, data, getRowId, sort }: DataTableProps<T>) {
  const table = useTable({ features, columns, data, getRowId: (row) => getRowId(row) }, () => null);

  return (
    <TableScroll label={caption}>
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const meta = header.column.columnDef.meta;
                const sortKey = meta?.sortKey;
                const isSorted = sort !== undefined && sortKey !== undefined && sort.by === sortKey;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className={meta?.className}
                    aria-sort={isSorted ? (meta?.sortDirection ?? "ascending") : undefined}
                  >
                    {header.isPlaceholder ? null : sort && sortKey ? (
                      <button type="button" className={styles.sortButton} onClick={() => sort.onSort(sortKey)}>
                        <table.FlexRender header={header} />
                        <span className={styles.sortIndicator} aria-hidden="true">
                          {isSorted ? (meta?.sortDirection === "descending" ? "▼" : "▲") : "↕"}
                        </span>
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getAllCells().map((cell) => {
                const meta = cell.column.columnDef.meta;
                return meta?.isRowHeader ? (
                  <th key={cell.id} scope="row" className={meta.className}>
                    <table.FlexRender cell={cell} />
                  </th>
                ) : (
                  <td key={cell.id} className={meta?.className}>
                    <table.FlexRender cell={cell} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
