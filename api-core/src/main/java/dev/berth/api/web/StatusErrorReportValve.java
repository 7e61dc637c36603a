package dev.berth.api.web;

import dev.berth.api.errors.ApiException;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Errors Tomcat answers itself, before any filter or servlet runs (a request path it refuses, such as one with
 * an encoded slash), leave as a Kubernetes {@code Status} instead of Tomcat's HTML page, so every answer of
 * the API is one a client can read.
 */
public final class StatusErrorReportValve extends ErrorReportValve {

    /**
     * Puts this valve in place of Tomcat's own on the context's host. Spring Boot offers no host customizer,
     * and the host has installed its valve by the time its contexts start, so the swap happens then.
     */
    public static TomcatContextCustomizer installer() {
        return context -> context.addLifecycleListener(event -> {
            if (Lifecycle.AFTER_START_EVENT.equals(event.getType()) && context.getParent() != null) {
                Pipeline pipeline = context.getParent().getPipeline();
                for (Valve valve : pipeline.getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof StatusErrorReportValve)) {
                        pipeline.removeValve(valve);
                        pipeline.addValve(new StatusErrorReportValve());
                    }
                }
            }
        });
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String detail = response.getMessage() == null || response.getMessage().isEmpty()
                ? "the HTTP server refused the request" : response.getMessage();
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(ApiException.forCode(code, detail).status()));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response committed meanwhile: nothing more to say.
        }
    }
}
