// Search and sort for the server-rendered prices table. Plain DOM (no framework): the table is
// readable without JavaScript, and this adds a filter box and sortable column headers.

type SortDirection = "ascending" | "descending";

function compareRows(key: string, numeric: boolean, direction: SortDirection) {
  const sign = direction === "ascending" ? 1 : -1;
  return (a: HTMLTableRowElement, b: HTMLTableRowElement): number => {
    const left = a.dataset[key] ?? "";
    const right = b.dataset[key] ?? "";
    // Rows without a value (no price, no cached price) always sort last.
    if (left === "" || right === "") return left === right ? 0 : left === "" ? 1 : -1;
    const order = numeric ? Number(left) - Number(right) : left.localeCompare(right);
    return order * sign;
  };
}

/** Wires `#model-search` and the `button.sort` headers of `#price-table`. */
export function initPriceTable(): void {
  const table = document.getElementById("price-table");
  const search = document.getElementById("model-search");
  const count = document.getElementById("model-count");
  const noMatch = document.getElementById("no-match");
  if (!(table instanceof HTMLTableElement) || !(search instanceof HTMLInputElement)) return;
  const body = table.tBodies[0];
  if (!body) return;
  const rows = [...body.rows];

  let sortedBy = "";
  const announce = (shown: number) => {
    if (count) count.textContent = `${shown} of ${rows.length} shown${sortedBy}`;
  };
  const applyFilter = () => {
    const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const row of rows) {
      const haystack = row.dataset.search ?? "";
      const visible = words.every((word) => haystack.includes(word));
      row.hidden = !visible;
      if (visible) shown += 1;
    }
    announce(shown);
    if (noMatch) noMatch.hidden = shown > 0;
  };
  search.addEventListener("input", applyFilter);

  for (const button of table.querySelectorAll<HTMLButtonElement>("button.sort")) {
    button.addEventListener("click", () => {
      const header = button.closest("th");
      if (!header) return;
      const key = button.dataset.key ?? "name";
      const direction: SortDirection =
        header.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
      for (const th of table.querySelectorAll("thead th[aria-sort]")) {
        th.setAttribute("aria-sort", "none");
      }
      header.setAttribute("aria-sort", direction);
      const numeric = "numeric" in button.dataset;
      const sorted = [...body.rows].sort(compareRows(key, numeric, direction));
      body.append(...sorted);
      const words =
        key === "checked"
          ? ["oldest first", "newest first"]
          : numeric
            ? ["lowest first", "highest first"]
            : ["A to Z", "Z to A"];
      const order = direction === "ascending" ? words[0] : words[1];
      sortedBy = `, sorted by ${button.textContent?.trim() ?? key}, ${order}`;
      announce(rows.filter((row) => !row.hidden).length);
    });
  }
}
