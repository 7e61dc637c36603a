package dev.berth.api.web;

import dev.berth.api.resource.ResourceDefinition;
import dev.berth.api.storage.ListResult;
import dev.berth.api.storage.StoredObject;
import dev.berth.api.table.IncludeObject;
import dev.berth.api.table.TablePrinter;
import dev.berth.api.table.TablePrinters;
import dev.berth.api.table.Tables;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ListMeta;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Encodes objects, lists and Tables as the JSON bodies Kubernetes clients expect. */
public final class Responses {

    private static final byte[] COMMA = {','};
    private static final byte[] LIST_END = "]}".getBytes(StandardCharsets.US_ASCII);

    private final JsonMapper mapper;
    private final Clock clock;

    public Responses(JsonMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    public ResponseEntity<byte[]> object(HttpStatus status, Object body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(mapper.writeValueAsBytes(body));
    }

    /**
     * JSON written straight to the response, for the API's most frequent answer (a stored object as it is,
     * its encoding made once and shared): a {@link ResponseEntity} would go through content negotiation and
     * the message converters on every request for the same outcome.
     */
    public void write(HttpServletResponse response, HttpStatus status, byte[] json) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }

    /** An object encoded and written straight to the response, as {@link #write}. */
    public void writeObject(HttpServletResponse response, HttpStatus status, Object body) throws IOException {
        write(response, status, mapper.writeValueAsBytes(body));
    }

    public ResponseEntity<byte[]> list(ResourceDefinition<?> definition, ListResult<? extends HasMetadata> list) {
        ListMeta meta = new ListMeta(null, null, Long.toString(list.revision()), null, null);
        return object(HttpStatus.OK, new ListBody(definition.apiVersion(), definition.listKind(), meta, list.items()));
    }

    /**
     * A list page whose items are spliced in as their shared encodings: the same bytes as encoding the list
     * object ({@code {"apiVersion","kind","metadata","items"}}) without encoding a single item again, written
     * to the client part by part.
     */
    public ResponseEntity<Resource> list(ResourceDefinition<?> definition, ListPages.Page page) {
        byte[] head = mapper.writeValueAsBytes(new ListBody(definition.apiVersion(), definition.listKind(),
                listMeta(page), List.of()));
        // head ends with "[]}": the items go between the brackets.
        List<byte[]> parts = new ArrayList<>(page.items().size() * 2 + 2);
        parts.add(Arrays.copyOf(head, head.length - 2));
        for (StoredObject<?> item : page.items()) {
            if (parts.size() > 1) {
                parts.add(COMMA);
            }
            parts.add(item.json());
        }
        parts.add(LIST_END);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new SplicedJson(parts));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public ResponseEntity<byte[]> table(ResourceDefinition<?> definition, List<? extends HasMetadata> objects,
                                        long revision, String includeObject) {
        TablePrinter printer = TablePrinters.forResource(definition.plural());
        Object table = Tables.table(printer, (List) objects, Long.toString(revision),
                IncludeObject.parse(includeObject), clock.instant(), mapper);
        return object(HttpStatus.OK, table);
    }

    /** A list page as a Table (kubectl get pages with {@code limit=500}). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ResponseEntity<byte[]> table(ResourceDefinition<?> definition, ListPages.Page page,
                                        String includeObject) {
        TablePrinter printer = TablePrinters.forResource(definition.plural());
        List<HasMetadata> objects = page.items().stream().<HasMetadata>map(StoredObject::view).toList();
        ObjectNode table = Tables.table(printer, (List) objects, null, IncludeObject.parse(includeObject),
                clock.instant(), mapper);
        table.set("metadata", mapper.valueToTree(listMeta(page)));
        return object(HttpStatus.OK, table);
    }

    private static ListMeta listMeta(ListPages.Page page) {
        return new ListMeta(page.continueToken(), page.remainingItemCount(), Long.toString(page.revision()), null, null);
    }

    /** Field order as Kubernetes writes lists. */
    record ListBody(String apiVersion, String kind, ListMeta metadata, List<?> items) {
    }
}
