/**
 * Server-side printing: list and get answers as {@code meta.k8s.io/v1} Tables, which kubectl
 * asks for and prints column by column (without one it prints only NAME and AGE).
 *
 * <pre>
 * Accept header --Tables.wantsTable--&gt; yes
 *   TablePrinters.forResource(plural, type) --&gt; TablePrinter (pods, nodes, ... or NAME/AGE default)
 *   Tables.table(printer, objects, rv, IncludeObject.parse(includeObject), now, mapper)
 *     columns() -&gt; columnDefinitions; cells(obj, now) -&gt; rows[].cells; row object per IncludeObject
 * </pre>
 *
 * Printers are pure (object and clock in, cells out) and always return the wide cells too;
 * kubectl hides priority-1 columns unless {@code -o wide}.
 */
package dev.berth.api.table;
