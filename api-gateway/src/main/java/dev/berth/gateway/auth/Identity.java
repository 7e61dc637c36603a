package dev.berth.gateway.auth;

import java.util.List;

/** Who made a request, as the token file says. */
public record Identity(String user, String uid, List<String> groups) {

    static final String ATTRIBUTE = Identity.class.getName();
    private static final String NODE_PREFIX = "system:node:";

    public Identity {
        groups = List.copyOf(groups);
    }

    /** The node a node-agent acts for ({@code system:node:<name>}), or null for other users. */
    public String nodeName() {
        return user.startsWith(NODE_PREFIX) && groups.contains("system:nodes") ? user.substring(NODE_PREFIX.length())
                : null;
    }
}
