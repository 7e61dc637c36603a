package dev.berth.api.web;

import dev.berth.api.resource.ResourceDefinition;
import dev.berth.api.storage.ListResult;
import dev.berth.api.table.IncludeObject;
import dev.berth.api.table.TablePrinter;
import dev.berth.api.table.TablePrinters;
import dev.berth.api.table.Tables;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ListMeta;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.List;

/** Encodes objects, lists and Tables as the JSON bodies Kubernetes clients expect. */
public final class Responses {

    private final JsonMapper mapper;
    private final Clock clock;

    public Responses(JsonMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    public ResponseEntity<byte[]> object(HttpStatus status, Object body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(mapper.writeValueAsBytes(body));
    }

    public ResponseEntity<byte[]> list(ResourceDefinition<?> definition, ListResult<? extends HasMetadata> list) {
        ListMeta meta = new ListMeta(null, null, Long.toString(list.revision()), null, null);
        return object(HttpStatus.OK, new ListBody(definition.apiVersion(), definition.listKind(), meta, list.items()));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public ResponseEntity<byte[]> table(ResourceDefinition<?> definition, List<? extends HasMetadata> objects,
                                        long revision, String includeObject) {
        TablePrinter printer = TablePrinters.forResource(definition.plural());
        Object table = Tables.table(printer, (List) objects, Long.toString(revision),
                IncludeObject.parse(includeObject), clock.instant(), mapper);
        return object(HttpStatus.OK, table);
    }

    /** Field order as Kubernetes writes lists. */
    record ListBody(String apiVersion, String kind, ListMeta metadata, List<?> items) {
    }
}
