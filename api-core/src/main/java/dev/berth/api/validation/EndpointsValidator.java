package dev.berth.api.validation;

import dev.berth.api.errors.FieldError;
import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;

import java.util.List;

/** Endpoints: every address an IP, every port in range with a known protocol. */
public final class EndpointsValidator {

    private EndpointsValidator() {
    }

    public static List<FieldError> validate(Endpoints endpoints) {
        Errors errors = new Errors();
        errors.addAll(ObjectMetaValidator.validate(endpoints.getMetadata(), true,
                ObjectMetaValidator.NameRule.DNS1123_SUBDOMAIN));
        List<EndpointSubset> subsets = endpoints.getSubsets();
        for (int s = 0; s < subsets.size(); s++) {
            String at = "subsets[" + s + "]";
            addresses(at + ".addresses", subsets.get(s).getAddresses(), errors);
            addresses(at + ".notReadyAddresses", subsets.get(s).getNotReadyAddresses(), errors);
            List<EndpointPort> ports = subsets.get(s).getPorts();
            for (int p = 0; p < ports.size(); p++) {
                errors.port(at + ".ports[" + p + "].port", ports.get(p).getPort(), true);
                errors.oneOf(at + ".ports[" + p + "].protocol", ports.get(p).getProtocol(), ContainerValidator.PROTOCOLS);
            }
        }
        return errors.list();
    }

    private static void addresses(String field, List<EndpointAddress> addresses, Errors errors) {
        for (int i = 0; i < addresses.size(); i++) {
            String ip = addresses.get(i).getIp();
            if (ip == null || ip.isEmpty()) {
                errors.add(FieldError.required(field + "[" + i + "].ip", ""));
            } else {
                errors.check(field + "[" + i + "].ip", ip, Names.ip(ip));
            }
        }
    }
}
