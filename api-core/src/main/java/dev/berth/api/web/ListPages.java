package dev.berth.api.web;

import dev.berth.api.errors.ApiException;
import dev.berth.api.storage.ListResult;
import dev.berth.api.storage.StoredObject;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Chunked lists ({@code limit} and {@code continue}), as kube-apiserver serves them: every page of one list is
 * cut from the same result, read once at one revision, so a client paging through sees a consistent list. The
 * first page's result is kept for {@link #RETENTION} (etcd's default compaction interval, after which
 * Kubernetes' continue tokens expire too); a token whose list is gone gets 410 Expired and the client lists
 * again. Tokens are base64 JSON naming the revision, the key to start after and the kept list.
 */
public final class ListPages {

    static final Duration RETENTION = Duration.ofMinutes(5);
    private static final int KEPT_LISTS = 64;

    private final JsonMapper mapper;
    private final Clock clock;
    private final Map<String, Kept> kept = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > KEPT_LISTS;
        }
    });

    public ListPages(JsonMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** One page of a list. {@code continueToken} is null on the last page. */
    public record Page(List<StoredObject<?>> items, long revision, String continueToken, Long remainingItemCount) {
    }

    /**
     * @param limit         at most this many items; null or ≤ 0 for all (then nothing is kept)
     * @param continueToken null for the first page
     */
    public Page page(Long limit, String continueToken, Supplier<ListResult<StoredObject<?>>> list) {
        if (continueToken == null || continueToken.isEmpty()) {
            ListResult<StoredObject<?>> all = list.get();
            if (limit == null || limit <= 0 || all.items().size() <= limit) {
                return new Page(all.items(), all.revision(), null, null);
            }
            String id = UUID.randomUUID().toString();
            expireOld();
            kept.put(id, new Kept(all, clock.instant()));
            return cut(id, all, 0, limit);
        }
        Token token = parse(continueToken);
        Kept first = kept.get(token.id());
        if (first == null || first.since().plus(RETENTION).isBefore(clock.instant())) {
            throw ApiException.gone("The provided continue parameter is too old to display a consistent list "
                    + "result. You can start a new list without the continue parameter.");
        }
        ListResult<StoredObject<?>> all = first.result();
        return cut(token.id(), all, firstAfter(all.items(), token.start()), limit == null || limit <= 0 ? Long.MAX_VALUE : limit);
    }

    private Page cut(String id, ListResult<StoredObject<?>> all, int from, long limit) {
        List<StoredObject<?>> items = all.items();
        int to = (int) Math.min(items.size(), from + limit);
        List<StoredObject<?>> page = items.subList(from, to);
        if (to == items.size()) {
            kept.remove(id);
            return new Page(page, all.revision(), null, null);
        }
        String next = token(new Token(all.revision(), page.get(page.size() - 1).indexMember() + "\u0000", id));
        return new Page(page, all.revision(), next, (long) (items.size() - to));
    }

    /** The index of the first item whose key is at or after {@code start} (items are in key order). */
    private static int firstAfter(List<? extends StoredObject<?>> items, String start) {
        int low = 0;
        int high = items.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (items.get(mid).indexMember().compareTo(start) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private void expireOld() {
        Instant oldest = clock.instant().minus(RETENTION);
        synchronized (kept) {
            kept.values().removeIf(k -> k.since().isBefore(oldest));
        }
    }

    private String token(Token token) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("v", "meta.k8s.io/v1");
        json.put("rv", token.revision());
        json.put("start", token.start());
        json.put("list", token.id());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mapper.writeValueAsBytes(json));
    }

    private Token parse(String value) {
        try {
            JsonNode json = mapper.readTree(new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8));
            if (!"meta.k8s.io/v1".equals(json.path("v").asString(null)) || !json.path("rv").canConvertToLong()
                    || !json.path("start").isString() || !json.path("list").isString()) {
                throw new IllegalArgumentException("unexpected fields");
            }
            return new Token(json.get("rv").asLong(), json.get("start").asString(), json.get("list").asString());
        } catch (IllegalArgumentException | JacksonException e) {
            throw ApiException.badRequest("continue key is not valid: " + e.getMessage());
        }
    }

    private record Token(long revision, String start, String id) {
    }

    private record Kept(ListResult<StoredObject<?>> result, Instant since) {
    }
}
