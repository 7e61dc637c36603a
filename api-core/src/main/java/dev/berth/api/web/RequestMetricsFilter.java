package dev.berth.api.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Times every API request by verb, resource and code ({@code berth_api_requests_seconds}), as
 * kube-apiserver's request latency histogram. Watches are counted when they open, not timed.
 */
public final class RequestMetricsFilter extends OncePerRequestFilter {

    private static final String ROOT = "/api/v1/";

    private final MeterRegistry meters;
    private final ApiResources resources;
    /** By "verb resource code": a timer is built and registered once, not on every request. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public RequestMetricsFilter(MeterRegistry meters, ApiResources resources) {
        this.meters = meters;
        this.resources = resources;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(ROOT);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            String[] target = target(request.getRequestURI().substring(ROOT.length()), resources.namespacedPlurals());
            String verb = verb(request, target[1] == null);
            // A resource this server does not serve is counted as "unknown": a client's made-up paths must not
            // add meters without bound.
            String resource = resources.serves(target[0]) ? target[0] : "unknown";
            if (verb.equals("watch")) {
                meters.counter("berth.api.watch.requests", "resource", resource).increment();
            } else {
                timer(verb, resource, response.getStatus()).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
        }
    }

    private Timer timer(String verb, String resource, int code) {
        return timers.computeIfAbsent(verb + ' ' + resource + ' ' + code, key -> Timer.builder("berth.api.requests")
                .tag("verb", verb).tag("resource", resource).tag("code", Integer.toString(code))
                .publishPercentileHistogram()
                .register(meters));
    }

    private static boolean isWatch(String watch) {
        return "true".equals(watch) || "1".equals(watch);
    }

    /** {resource, name} of a path, tolerant of paths that are not valid. */
    private static String[] target(String rest, Set<String> namespaced) {
        String[] s = rest.split("/");
        if (s.length >= 3 && s[0].equals("namespaces") && namespaced.contains(s[2])) {
            return new String[]{s[2], s.length > 3 ? s[3] : null};
        }
        return new String[]{s.length > 0 && !s[0].isEmpty() ? s[0] : "unknown", s.length > 1 ? s[1] : null};
    }

    private static String verb(HttpServletRequest request, boolean collection) {
        return switch (request.getMethod()) {
            // Only a GET is asked for a parameter: on a POST, Tomcat would read a form body the API left unread,
            // after the answer, and drop the connection the client means to reuse.
            case "GET" -> isWatch(request.getParameter("watch")) ? "watch" : collection ? "list" : "get";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> collection ? "deletecollection" : "delete";
            default -> request.getMethod().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
