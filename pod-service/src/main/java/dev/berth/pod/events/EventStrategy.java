package dev.berth.pod.events;

import dev.berth.api.errors.FieldError;
import dev.berth.api.registry.ResourceStrategy;
import dev.berth.api.resource.ResourceDefinition;
import dev.berth.api.validation.EventValidator;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectReference;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** core/v1 Events: what happened to an object, for {@code kubectl describe} and {@code get events}. */
@Component
class EventStrategy implements ResourceStrategy<Event> {

    static final ResourceDefinition<Event> DEFINITION =
            ResourceDefinition.core("events", "Event", true, Event.class, List.of("ev"));

    @Override
    public ResourceDefinition<Event> definition() {
        return DEFINITION;
    }

    @Override
    public List<FieldError> validate(Event event) {
        return EventValidator.validate(event);
    }

    @Override
    public boolean allowCreateOnUpdate() {
        return true;
    }

    @Override
    public Map<String, String> selectableFields(Event event) {
        Map<String, String> fields = new HashMap<>();
        ObjectReference o = event.getInvolvedObject();
        if (o != null) {
            fields.put("involvedObject.kind", o.getKind());
            fields.put("involvedObject.namespace", o.getNamespace());
            fields.put("involvedObject.name", o.getName());
            fields.put("involvedObject.uid", o.getUid());
            fields.put("involvedObject.apiVersion", o.getApiVersion());
            fields.put("involvedObject.resourceVersion", o.getResourceVersion());
            fields.put("involvedObject.fieldPath", o.getFieldPath());
        }
        fields.put("reason", event.getReason());
        fields.put("type", event.getType());
        fields.put("source", event.getSource() == null ? null : event.getSource().getComponent());
        return fields;
    }

    @Override
    public Set<String> selectableFieldNames() {
        return Set.of("involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid",
                "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath",
                "reason", "type", "source");
    }
}
