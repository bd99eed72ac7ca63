// @vitest-environment happy-dom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { LibraryEmpty } from "./LibraryEmpty";

afterEach(cleanup);

describe("LibraryEmpty", () => {
  it("says nothing has been shared with the reader yet, and offers adding to those who may", async () => {
    const onAdd = vi.fn();
    render(<LibraryEmpty isFiltered={false} mayAdd onClearFilters={() => {}} onAdd={onAdd} />);
    expect(screen.getByRole("heading", { name: "Nothing has been shared with you yet" })).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Add resource" }));
    expect(onAdd).toHaveBeenCalledOnce();
  });

  it("offers no adding to a reader who may not add", () => {
    render(<LibraryEmpty isFiltered={false} mayAdd={false} onClearFilters={() => {}} onAdd={() => {}} />);
    expect(screen.getByRole("heading", { name: "Nothing has been shared with you yet" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Add resource" })).toBeNull();
  });

  it("offers to clear the filters when they match nothing", async () => {
    const onClear = vi.fn();
    render(<LibraryEmpty isFiltered mayAdd onClearFilters={onClear} onAdd={() => {}} />);
    expect(screen.getByRole("heading", { name: "No resource matches" })).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Clear filters" }));
    expect(onClear).toHaveBeenCalledOnce();
  });
});
