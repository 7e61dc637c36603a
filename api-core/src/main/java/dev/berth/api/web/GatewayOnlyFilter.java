package dev.berth.api.web;

import dev.berth.api.errors.ApiException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Refuses API requests that did not come through the api-gateway, which proves itself with a shared secret.
 * The identity headers the gateway adds are only meaningful behind this check. The management endpoints
 * (health, info, metrics, Prometheus) stay open to probes and scrapers, like every other component's.
 */
public final class GatewayOnlyFilter extends OncePerRequestFilter {

    static final String SECRET_HEADER = "X-Berth-Gateway-Secret";

    private final byte[] secret;
    private final JsonMapper mapper;

    public GatewayOnlyFilter(String secret, JsonMapper mapper) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.mapper = mapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(SECRET_HEADER);
        if (presented != null && MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8))) {
            chain.doFilter(request, response);
            return;
        }
        ApiException refused = ApiException.unauthorized("requests must come through the api-gateway");
        response.setStatus(refused.code());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(mapper.writeValueAsBytes(refused.status()));
    }
}
