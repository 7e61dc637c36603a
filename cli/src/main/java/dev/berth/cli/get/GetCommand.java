package dev.berth.cli.get;

import dev.berth.cli.BerthCommand;
import dev.berth.cli.Cluster;
import dev.berth.cli.UserError;
import dev.berth.cli.api.ApiRequests;
import dev.berth.cli.api.ResourceKind;
import dev.berth.cli.seed.SeedPath;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code get KIND [NAME...]}: tables printed by the server, as kubectl shows them; or the seed's {@code get /pods/ID}. */
@Command(name = "get", description = {"Show objects as a table, or as json/yaml/name with -o.",
        "The seed's form: get /pods/ID (or /replicationControllers/ID) prints its v1beta1 JSON."})
public final class GetCommand implements Callable<Integer> {

    @ParentCommand
    BerthCommand root;

    @Parameters(index = "0", paramLabel = "TYPE", description = "pods (po), replicationcontrollers (rc), services (svc), "
            + "nodes (no), endpoints (ep), events (ev), namespaces (ns); or a seed path like /pods/redis")
    String type;

    @Parameters(index = "1..*", paramLabel = "NAME", description = "only these objects")
    List<String> names = new ArrayList<>();

    @Option(names = {"-o", "--output"}, description = "wide, json, yaml or name")
    String output;

    @Option(names = {"-l", "--selector"}, description = "label selector, e.g. name=redis")
    String selector;

    @Option(names = {"-A", "--all-namespaces"}, description = "list across all namespaces")
    boolean allNamespaces;

    @Option(names = {"-w", "--watch"}, description = "after listing, print each change as it happens")
    boolean watch;

    @Option(names = "--no-headers", description = "leave out the header line")
    boolean noHeaders;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Cluster cluster = root.cluster();
        if (type.startsWith("/")) {
            SeedPath path = SeedPath.parse(type);
            out.println(cluster.api().get(path.v1beta1Path(cluster.namespace()), "application/json"));
            return 0;
        }
        Format format = Format.parse(output);
        ResourceKind kind = ResourceKind.parse(type);
        String collection = kind.path(allNamespaces ? null : cluster.namespace());
        ApiRequests api = cluster.api();
        ObjectOutput printer = new ObjectOutput(kind, format, out);
        if (format.isTable()) {
            new TableListing(api, kind, format == Format.WIDE, allNamespaces && kind.namespaced(), names, noHeaders)
                    .print(collection, query(false, null), allNamespaces ? null : cluster.namespace(), watch, out);
            return 0;
        }
        JsonNode list = api.get(collection + query(false, null), "application/json");
        List<JsonNode> items = selected(list);
        if (!names.isEmpty() && items.isEmpty()) {
            throw new UserError(kind.plural() + " \"" + String.join(", ", names) + "\" not found");
        }
        printer.print(items, names.size() == 1);
        if (watch) {
            String resourceVersion = list.path("metadata").path("resourceVersion").asString();
            api.watch(collection + query(true, resourceVersion), "application/json",
                    frame -> printer.print(List.of(frame.path("object")), true));
        }
        return 0;
    }

    /** The wide table of a whole collection in the cluster's namespace (the seed's {@code list}). */
    public static int printTable(Cluster cluster, ResourceKind kind, boolean wide, PrintWriter out) {
        new TableListing(cluster.api(), kind, wide, false, List.of(), false)
                .print(kind.path(cluster.namespace()), "", cluster.namespace(), false, out);
        return 0;
    }

    private List<JsonNode> selected(JsonNode list) {
        List<JsonNode> items = new ArrayList<>();
        for (JsonNode item : list.path("items")) {
            if (names.isEmpty() || names.contains(item.path("metadata").path("name").asString())) {
                items.add(item);
            }
        }
        return items;
    }

    private String query(boolean watching, String resourceVersion) {
        List<String> params = new ArrayList<>();
        if (selector != null) {
            params.add("labelSelector=" + URLEncoder.encode(selector, StandardCharsets.UTF_8));
        }
        if (names.size() == 1) {
            params.add("fieldSelector=" + URLEncoder.encode("metadata.name=" + names.get(0), StandardCharsets.UTF_8));
        }
        if (watching) {
            params.add("watch=true");
            if (resourceVersion != null && !resourceVersion.isEmpty()) {
                params.add("resourceVersion=" + resourceVersion);
            }
        }
        return params.isEmpty() ? "" : "?" + String.join("&", params);
    }
}
