/**
 * Sets of items and what makes and saves them, GL-free: {@link org.embedscope.select.ItemSet} (a bitset
 * over a bundle's items), {@link org.embedscope.select.Polygon} (lasso) and {@link org.embedscope.select.Box}
 * over interleaved positions, {@link org.embedscope.select.SelectionCsv} (export),
 * {@link org.embedscope.select.SelectionFile} (a selection file, read back) and
 * {@link org.embedscope.select.ContactSheet} (the selected images as one PNG).
 *
 * <pre>
 * ItemSet lassoed = new Polygon(outlineInLayoutUnits).select(bundle.coords(layout));
 * ItemSet both = lassoed.copy().and(matches);
 * SelectionCsv.write(bundle, both, Path.of("selection.csv"), progress);
 * </pre>
 */
package org.embedscope.select;
