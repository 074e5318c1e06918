/**
 * The bundle's points table as typed columns, and the query language over them (README, "Selecting and
 * searching"). GL-free.
 *
 * <pre>
 * ColumnTable table = ColumnTable.of(bundle);          // once, at load
 * Column c = table.column("score");                    // c.values(), c.defaultColourRange(), c.codes(), c.categories() ...
 * try {
 *     ItemSet matches = Query.parse(text).evaluate(table);
 * } catch (QueryException e) {
 *     // show e.detail() at character e.position() of the query box
 * }
 * </pre>
 */
package org.embedscope.query;
