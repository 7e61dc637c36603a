package dev.berth.api.web;

import dev.berth.api.errors.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads request bodies: bounded in size (413 beyond the limit) and in JSON or YAML. */
public final class RequestBodies {

    private final long maxBytes;
    private final JsonMapper json;
    private final YAMLMapper yaml = YAMLMapper.builder().build();

    public RequestBodies(long maxBytes, JsonMapper json) {
        this.maxBytes = maxBytes;
        this.json = json;
    }

    public byte[] read(HttpServletRequest request) {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int n; (n = in.read(buffer)) != -1; ) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge();
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw ApiException.badRequest("could not read the request body: " + e.getMessage());
        }
    }

    /** Parses a body as YAML when the client says so, JSON otherwise (JSON is also valid YAML). */
    public JsonNode parse(byte[] body, String contentType) {
        if (body.length == 0) {
            throw ApiException.badRequest("the request body is empty; expected a JSON or YAML object");
        }
        boolean isYaml = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("yaml");
        try {
            JsonNode tree = isYaml ? yaml.readTree(body) : json.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                throw ApiException.badRequest("the request body is empty; expected a JSON or YAML object");
            }
            return tree;
        } catch (JacksonException e) {
            throw ApiException.badRequest("the request body is not valid " + (isYaml ? "YAML" : "JSON") + ": "
                    + e.getOriginalMessage());
        }
    }

    private ApiException tooLarge() {
        return ApiException.tooLarge("the request body is larger than the limit of " + maxBytes + " bytes");
    }
}
