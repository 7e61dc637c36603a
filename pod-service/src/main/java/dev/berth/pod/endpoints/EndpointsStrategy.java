package dev.berth.pod.endpoints;

import dev.berth.api.errors.FieldError;
import dev.berth.api.registry.ResourceStrategy;
import dev.berth.api.resource.ResourceDefinition;
import dev.berth.api.validation.EndpointsValidator;
import io.fabric8.kubernetes.api.model.Endpoints;
import org.springframework.stereotype.Component;

import java.util.List;

/** Endpoints: written by the endpoints controller; a PUT may create them, as in Kubernetes. */
@Component
class EndpointsStrategy implements ResourceStrategy<Endpoints> {

    static final ResourceDefinition<Endpoints> DEFINITION =
            ResourceDefinition.core("endpoints", "Endpoints", true, Endpoints.class, List.of("ep"));

    @Override
    public ResourceDefinition<Endpoints> definition() {
        return DEFINITION;
    }

    @Override
    public List<FieldError> validate(Endpoints endpoints) {
        return EndpointsValidator.validate(endpoints);
    }

    @Override
    public boolean allowCreateOnUpdate() {
        return true;
    }
}
