package dev.berth.api.validation;

import dev.berth.api.errors.FieldError;
import io.fabric8.kubernetes.api.model.Event;

import java.util.List;

/** Events: about an object in the event's own namespace, with bounded reason and message. */
public final class EventValidator {

    private static final int MAX_REASON = 128;
    private static final int MAX_MESSAGE = 4096;

    private EventValidator() {
    }

    public static List<FieldError> validate(Event event) {
        Errors errors = new Errors();
        errors.addAll(ObjectMetaValidator.validate(event.getMetadata(), true,
                ObjectMetaValidator.NameRule.DNS1123_SUBDOMAIN));
        if (event.getInvolvedObject() == null) {
            errors.add(FieldError.required("involvedObject", ""));
        } else {
            String namespace = event.getInvolvedObject().getNamespace();
            String own = event.getMetadata() == null ? null : event.getMetadata().getNamespace();
            if (namespace != null && !namespace.isEmpty() && own != null && !namespace.equals(own)) {
                errors.add(FieldError.invalid("involvedObject.namespace", namespace,
                        "does not match event.namespace"));
            }
        }
        if (event.getReason() != null && event.getReason().length() > MAX_REASON) {
            errors.add(FieldError.tooLong("reason", "", MAX_REASON));
        }
        if (event.getMessage() != null && event.getMessage().length() > MAX_MESSAGE) {
            errors.add(FieldError.tooLong("message", "", MAX_MESSAGE));
        }
        return errors.list();
    }
}
