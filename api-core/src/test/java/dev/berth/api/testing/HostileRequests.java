package dev.berth.api.testing;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fuzzer for one resource of the API: from a valid object it derives malformed and hostile requests (mutated
 * and broken bodies, wrong types, odd content types, garbage query strings and paths, every verb), sends them,
 * and records every answer that breaks the API's promises: a 5xx, or a refusal that is not a {@code Status}
 * with the answer's code. Seeded, so a failure names the request that reproduces it.
 */
public final class HostileRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json",
            "application/json", "text/plain", "application/yaml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/json; charset=ISO-8859-1", "garbage/ / ;;",
            "application/merge-patch+json", "application/strategic-merge-patch+json", "application/json-patch+json",
            "application/apply-patch+yaml", "application/vnd.kubernetes.protobuf", "");
    private static final List<String> QUERY_KEYS = List.of("labelSelector", "fieldSelector", "limit", "continue",
            "resourceVersion", "resourceVersionMatch", "timeoutSeconds", "dryRun", "watch", "propagationPolicy",
            "gracePeriodSeconds", "fieldManager", "pretty", "includeObject", "sendInitialEvents", "allowWatchBookmarks");
    private static final List<String> ODD_STRINGS = List.of("", " ", "-1", "0", "9223372036854775808", "1e400",
            "NaN", "null", "true", "%00", "%zz", "..", "../..", "a,b,,c", "!", "in (", "x notin", "=", "==", "!=x",
            "a=b=c", "metadata.name=%2F", "spec.nodeName in (a)", "😀", "\u202e", "a".repeat(300), "%2F%2F",
            "eyJydiI6LTF9", "garbage continue token", "status.phase==", "x=1&y", "[]", "{}");

    private final String base;
    private final String collection;
    private final JsonNode valid;
    private final long seed;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param base       e.g. {@code http://127.0.0.1:8081}
     * @param collection the resource's collection path, e.g. {@code /api/v1/namespaces/fuzz/pods}
     * @param valid      a valid object of the resource, the seed of every mutation
     */
    public HostileRequests(String base, String collection, String valid, long seed) {
        this.base = base;
        this.collection = collection;
        this.valid = JSON.readTree(valid);
        this.seed = seed;
    }

    /** One request as sent. */
    public record Sent(int index, String method, String path, String contentType, String body) {
        @Override
        public String toString() {
            return "#" + index + " " + method + " " + path + " [" + contentType + "] "
                    + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    /** What came of a run: broken promises (with the request), and the names the API accepted writes for. */
    public record Outcome(int sent, List<String> violations, Set<String> acceptedNames, Map<Integer, Integer> codes) {
    }

    /** Sends {@code count} hostile requests from {@code threads} clients; {@code headers} go on every request. */
    public Outcome run(int count, int threads, Map<String, String> headers) throws Exception {
        ConcurrentLinkedQueue<String> broken = new ConcurrentLinkedQueue<>();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        Map<Integer, Integer> codes = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        Sent sent = request(i);
                        HttpResponse<String> answer;
                        boolean resent = false;
                        try {
                            try {
                                answer = send(sent, headers);
                            } catch (HttpTimeoutException e) {
                                throw e;
                            } catch (IOException lost) {
                                // Java 17's client can lose an answer on a reused connection (JDK-8338569: its
                                // idle-connection watcher takes the answer for stray bytes and closes the
                                // connection). Sent again; a server that never answers it fails the second too.
                                resent = true;
                                answer = send(sent, headers);
                            }
                        } catch (HttpTimeoutException e) {
                            broken.add("no answer within 30 s for " + sent);
                            continue;
                        } catch (IOException e) {
                            broken.add("no answer (" + e.getMessage() + ") for " + sent);
                            continue;
                        }
                        codes.merge(answer.statusCode(), 1, Integer::sum);
                        String problem = check(answer);
                        if (problem != null) {
                            broken.add(problem + " for " + sent);
                        } else if (answer.statusCode() < 300 && !sent.method().equals("GET")
                                && !sent.method().equals("DELETE")) {
                            accepted.add(JSON.readTree(answer.body()).path("metadata").path("name").asString());
                        } else if (resent && answer.statusCode() == 409) {
                            // The first attempt was applied and its answer lost: the object is acknowledged now.
                            accepted.add(JSON.readTree(answer.body()).path("details").path("name").asString());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Outcome(count, List.copyOf(broken), accepted, codes);
    }

    private HttpResponse<String> send(Sent sent, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + sent.path()))
                .timeout(Duration.ofSeconds(30))
                .method(sent.method(), sent.body().isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(sent.body().getBytes(StandardCharsets.UTF_8)));
        if (!sent.contentType().isEmpty()) {
            request.header("Content-Type", sent.contentType());
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Null when the answer keeps the API's promises, else what it broke. */
    public static String check(HttpResponse<String> answer) {
        int code = answer.statusCode();
        if (code >= 500) {
            return "answered " + code + " " + answer.body();
        }
        if (code < 400) {
            return null;
        }
        try {
            JsonNode status = JSON.readTree(answer.body());
            if (!"Status".equals(status.path("kind").asString()) || status.path("code").asInt() != code
                    || status.path("message").asString().isEmpty()) {
                return "answered " + code + " without a matching Status: " + answer.body();
            }
            return null;
        } catch (RuntimeException notJson) {
            return "answered " + code + " with a body that is not JSON: " + answer.body();
        }
    }

    /** The {@code index}th request of this seed: the same every run. */
    public Sent request(int index) {
        Random random = new Random(seed * 1_000_003L + index);
        String name = valid.path("metadata").path("name").asString();
        return switch (random.nextInt(10)) {
            case 0, 1, 2 -> new Sent(index, "POST", collection + query(random, 0.2), contentType(random, 0.8),
                    body(random, name + "-" + index));
            case 3, 4 -> new Sent(index, "PUT", item(random, name + "-" + (index % 50)) + query(random, 0.2),
                    contentType(random, 0.8), body(random, name + "-" + (index % 50)));
            case 5, 6 -> new Sent(index, "PATCH", item(random, name + "-" + (index % 50)) + query(random, 0.2),
                    contentType(random, 0.3), patch(random));
            case 7 -> new Sent(index, "DELETE", item(random, name + "-" + (index % 50)) + query(random, 0.5),
                    contentType(random, 0.8), random.nextBoolean() ? "" : deleteOptions(random));
            default -> new Sent(index, "GET", (random.nextBoolean() ? collection : item(random, name)) + query(random, 1),
                    "", "");
        };
    }

    private String body(Random random, String name) {
        ObjectNode object = (ObjectNode) valid.deepCopy();
        ((ObjectNode) object.path("metadata")).put("name", name);
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            mutate(object, random);
        }
        String json = JSON.writeValueAsString(object);
        return switch (random.nextInt(12)) {
            case 0 -> json.substring(0, random.nextInt(json.length()));
            case 1 -> rawGarbage(random);
            case 2 -> "[".repeat(2_000) + "]".repeat(2_000);
            case 3 -> "\uFEFF" + json;
            case 4 -> json.replaceFirst("\\{", "{\"metadata\":{\"name\":\"dup\"},");
            default -> json;
        };
    }

    private void mutate(JsonNode root, Random random) {
        List<Map.Entry<ObjectNode, String>> fields = new ArrayList<>();
        collect(root, fields);
        if (fields.isEmpty()) {
            return;
        }
        Map.Entry<ObjectNode, String> target = fields.get(random.nextInt(fields.size()));
        ObjectNode parent = target.getKey();
        String field = target.getValue();
        switch (random.nextInt(7)) {
            case 0 -> parent.remove(field);
            case 1 -> parent.set(field, oddValue(random));
            case 2 -> parent.set("unknown" + random.nextInt(100), oddValue(random));
            case 3 -> parent.set(field, nested(random.nextInt(3) == 0 ? 100 : 5));
            case 4 -> parent.put(field, ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size())));
            case 5 -> parent.set(field, NODES.arrayNode().add(parent.path(field)));
            default -> parent.put(field, random.nextLong());
        }
    }

    private static void collect(JsonNode node, List<Map.Entry<ObjectNode, String>> into) {
        if (node instanceof ObjectNode object) {
            for (Iterator<String> names = object.propertyNames().iterator(); names.hasNext(); ) {
                String name = names.next();
                into.add(Map.entry(object, name));
                collect(object.get(name), into);
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(item -> collect(item, into));
        }
    }

    private static JsonNode oddValue(Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(-random.nextInt(1_000_000));
            case 3 -> NODES.numberNode(new java.math.BigDecimal("1e400"));
            case 4 -> NODES.numberNode(Double.MAX_VALUE);
            case 5 -> NODES.textNode("\u0000\u0007\u202e" + "x".repeat(random.nextInt(70_000)));
            case 6 -> NODES.arrayNode().add(1).add("two").addNull();
            case 7 -> NODES.objectNode().put("", "").put("$ref", "#");
            default -> NODES.textNode(ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size())));
        };
    }

    private static JsonNode nested(int depth) {
        JsonNode node = NODES.objectNode().put("x", 1);
        for (int i = 0; i < depth; i++) {
            node = NODES.objectNode().set("a", node);
        }
        return node;
    }

    private static String rawGarbage(Random random) {
        byte[] bytes = new byte[random.nextInt(200)];
        random.nextBytes(bytes);
        return List.of("", "null", "[]", "123", "\"text\"", "{", "}", "{\"a\":}", "{'single':'quotes'}",
                "kind: Pod\napiVersion: v1", new String(bytes, StandardCharsets.ISO_8859_1)).get(random.nextInt(11));
    }

    private String patch(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> "[{\"op\":\"replace\",\"path\":\"/spec/" + ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size()))
                    + "\",\"value\":" + JSON.writeValueAsString(oddValue(random)) + "}]";
            case 1 -> "[{\"op\":\"" + ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size())) + "\"}]";
            case 2 -> "{\"spec\":" + JSON.writeValueAsString(oddValue(random)) + "}";
            case 3 -> "{\"metadata\":{\"name\":\"renamed\",\"resourceVersion\":\""
                    + ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size())) + "\"}}";
            default -> body(random, "patched");
        };
    }

    private static String deleteOptions(Random random) {
        return "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"gracePeriodSeconds\":"
                + JSON.writeValueAsString(oddValue(random)) + ",\"preconditions\":{\"uid\":"
                + JSON.writeValueAsString(oddValue(random)) + "},\"propagationPolicy\":\"Sometimes\"}";
    }

    private String item(Random random, String name) {
        return collection + "/" + (random.nextInt(8) == 0 ? encodedOdd(random) : name);
    }

    private static String query(Random random, double chance) {
        if (random.nextDouble() >= chance) {
            return "";
        }
        StringBuilder query = new StringBuilder("?");
        int pairs = 1 + random.nextInt(3);
        for (int i = 0; i < pairs; i++) {
            String key = QUERY_KEYS.get(random.nextInt(QUERY_KEYS.size()));
            String value = key.equals("watch") ? "maybe" : encodedOdd(random);
            query.append(i == 0 ? "" : "&").append(key).append('=').append(value);
        }
        return query.toString();
    }

    private static String encodedOdd(Random random) {
        return java.net.URLEncoder.encode(ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size())), StandardCharsets.UTF_8);
    }

    private static String contentType(Random random, double json) {
        return random.nextDouble() < json ? "application/json" : CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()));
    }
}
