package dev.berth.cli.get;

import dev.berth.cli.UserError;
import dev.berth.cli.api.ApiRequests;
import dev.berth.cli.api.ResourceKind;
import tools.jackson.databind.JsonNode;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Lists a collection as the server's Table, optionally followed by a Table watch (kubectl get [-w]). */
final class TableListing {

    private final ApiRequests api;
    private final ResourceKind kind;
    private final boolean wide;
    private final boolean withNamespace;
    private final List<String> names;
    private final boolean noHeaders;

    TableListing(ApiRequests api, ResourceKind kind, boolean wide, boolean withNamespace, List<String> names,
            boolean noHeaders) {
        this.api = api;
        this.kind = kind;
        this.wide = wide;
        this.withNamespace = withNamespace;
        this.names = names;
        this.noHeaders = noHeaders;
    }

    /**
     * @param query     the list's query string ({@code ?labelSelector=...}) or empty
     * @param namespace for the "No resources found in ..." line; null across namespaces
     */
    void print(String collection, String query, String namespace, boolean watch, PrintWriter out) {
        JsonNode table = api.get(collection + query, ApiRequests.TABLE);
        TableText text = new TableText(table, wide, withNamespace);
        List<List<String>> lines = new ArrayList<>();
        if (!noHeaders) {
            lines.add(text.header());
        }
        List<List<String>> rows = named(text.rows(table));
        if (!names.isEmpty() && rows.isEmpty()) {
            throw new UserError(kind.plural() + " \"" + String.join(", ", names) + "\" not found");
        }
        if (rows.isEmpty() && !watch) {
            out.println("No resources found" + (kind.namespaced() && namespace != null ? " in " + namespace
                    + " namespace." : "."));
            out.flush();
            return;
        }
        lines.addAll(rows);
        out.print(TableText.layout(lines));
        out.flush();
        if (watch) {
            String resourceVersion = table.path("metadata").path("resourceVersion").asString();
            String separator = query.isEmpty() ? "?" : "&";
            api.watch(collection + query + separator + "watch=true&resourceVersion=" + resourceVersion,
                    ApiRequests.TABLE, frame -> printChanges(lines, text, frame, out));
        }
    }

    /** Prints a watch frame's rows padded like the listing, so they line up under its header. */
    private void printChanges(List<List<String>> listed, TableText text, JsonNode frame, PrintWriter out) {
        List<List<String>> changed = named(text.rows(frame.path("object")));
        if (changed.isEmpty()) {
            return;
        }
        List<List<String>> aligned = new ArrayList<>(listed);
        aligned.addAll(changed);
        String[] laid = TableText.layout(aligned).split("\n");
        for (int i = listed.size(); i < laid.length; i++) {
            out.println(laid[i]);
        }
        out.flush();
    }

    /** Keeps the rows of the requested names; a Table row's name is its first cell after the namespace. */
    private List<List<String>> named(List<List<String>> rows) {
        if (!names.isEmpty()) {
            rows.removeIf(row -> !names.contains(row.get(withNamespace ? 1 : 0)));
        }
        return rows;
    }
}
