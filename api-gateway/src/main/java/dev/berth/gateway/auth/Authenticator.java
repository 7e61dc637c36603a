package dev.berth.gateway.auth;

import dev.berth.gateway.GatewayProperties;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Who a request's {@code Authorization: Bearer} header names, by the token file; shared by both request paths. */
@Component
public class Authenticator {

    public static final String UNAUTHORIZED = "Unauthorized: a valid bearer token is required";

    private final TokenFile tokens;

    Authenticator(GatewayProperties properties) {
        this.tokens = TokenFile.read(properties.tokenFile());
    }

    /** The identity of a known bearer token; empty without one. */
    public Optional<Identity> identify(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return tokens.identify(authorization.substring(7).strip());
    }
}
