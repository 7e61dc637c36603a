package dev.berth.pod.services;

import dev.berth.api.errors.FieldError;
import dev.berth.api.registry.ResourceStrategy;
import dev.berth.api.resource.ResourceDefinition;
import dev.berth.api.validation.ServiceValidator;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceStatus;
import org.springframework.stereotype.Component;

import java.util.List;

/** Services: defaulted like Kubernetes, with a cluster IP (and node ports) held for as long as they exist. */
@Component
class ServiceStrategy implements ResourceStrategy<Service> {

    static final ResourceDefinition<Service> DEFINITION =
            ResourceDefinition.core("services", "Service", true, Service.class, List.of("svc"), "status");

    private final ServiceAddresses addresses;

    ServiceStrategy(ServiceAddresses addresses) {
        this.addresses = addresses;
    }

    @Override
    public ResourceDefinition<Service> definition() {
        return DEFINITION;
    }

    @Override
    public void prepareForCreate(Service service) {
        defaults(service);
        service.setStatus(new ServiceStatus());
    }

    @Override
    public void prepareForUpdate(Service updated, Service old) {
        defaults(updated);
        // Clients usually omit the allocated address on update: keep it rather than reject the request.
        if (updated.getSpec().getClusterIP() == null || updated.getSpec().getClusterIP().isEmpty()) {
            updated.getSpec().setClusterIP(old.getSpec().getClusterIP());
            updated.getSpec().setClusterIPs(old.getSpec().getClusterIPs());
        }
    }

    @Override
    public List<FieldError> validate(Service service) {
        return ServiceValidator.validate(service);
    }

    @Override
    public List<FieldError> validateUpdate(Service updated, Service old) {
        return ServiceValidator.validateUpdate(updated, old);
    }

    @Override
    public void beforeCreate(Service service) {
        addresses.allocate(service);
    }

    @Override
    public void createFailed(Service service) {
        addresses.release(service);
    }

    @Override
    public void afterDelete(Service service) {
        addresses.release(service);
    }

    private static void defaults(Service service) {
        if (service.getSpec() == null) {
            return;
        }
        var spec = service.getSpec();
        if (spec.getType() == null) {
            spec.setType("ClusterIP");
        }
        if (spec.getSessionAffinity() == null) {
            spec.setSessionAffinity("None");
        }
        for (ServicePort port : spec.getPorts()) {
            if (port.getProtocol() == null) {
                port.setProtocol("TCP");
            }
            if (port.getTargetPort() == null && port.getPort() != null) {
                port.setTargetPort(new IntOrString(port.getPort()));
            }
        }
    }
}
