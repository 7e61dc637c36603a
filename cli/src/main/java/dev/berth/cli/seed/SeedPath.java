package dev.berth.cli.seed;

import dev.berth.cli.UserError;
import dev.berth.cli.api.ResourceKind;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** A path as the seed's kubecfg took it: {@code /pods}, {@code /pods/ID}, {@code /replicationControllers/ID}. */
public record SeedPath(String collection, ResourceKind kind, String id) {

    public static SeedPath parse(String path) {
        String[] parts = path.replaceAll("^/+|/+$", "").split("/");
        if (parts.length == 0 || parts.length > 2 || parts[0].isEmpty()) {
            throw new UserError("\"" + path + "\" is not a kubecfg path: use /pods, /pods/ID, /replicationControllers or "
                    + "/replicationControllers/ID");
        }
        ResourceKind kind = switch (parts[0]) {
            case "pods" -> ResourceKind.PODS;
            case "replicationControllers" -> ResourceKind.REPLICATION_CONTROLLERS;
            default -> throw new UserError("unknown collection /" + parts[0] + " (use /pods or /replicationControllers)");
        };
        // v1beta1 ids could be mixed case; the API stores them lower-cased (DNS-1123 names).
        return new SeedPath(parts[0], kind, parts.length == 2 ? parts[1].toLowerCase(Locale.ROOT) : null);
    }

    /** The legacy API's path for this collection or object, in {@code namespace}. */
    public String v1beta1Path(String namespace) {
        return "/api/v1beta1/" + collection + (id == null ? "" : "/" + id) + "?namespace="
                + URLEncoder.encode(namespace, StandardCharsets.UTF_8);
    }

    public String requireId() {
        if (id == null) {
            throw new UserError("/" + collection + " needs an ID here, e.g. /" + collection + "/redis");
        }
        return id;
    }
}
