package dev.berth.gateway.authz;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;

/**
 * Group → rules, e.g. {@code berth.authorization.groups.viewers[0].verbs=get,list,watch}. A rule allows
 * its verbs on its resources ({@code pods}, {@code pods/status}, or {@code *}).
 */
@ConfigurationProperties("berth.authorization")
public record AuthorizationProperties(Map<String, List<Rule>> groups) {

    public record Rule(List<String> verbs, List<String> resources) {

        boolean allows(RequestAttributes request) {
            return (verbs.contains("*") || verbs.contains(request.verb()))
                    && (resources.contains("*") || resources.contains(request.qualifiedResource()));
        }
    }

    public AuthorizationProperties {
        groups = groups == null ? Map.of() : groups;
    }
}
