package dev.berth.api.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Field and type descriptions that {@code kubectl explain} prints, and required fields, kept in
 * {@code berth/openapi/descriptions.properties}: {@code Schema=...}, {@code Schema#field=...},
 * {@code Schema@required=a,b}.
 */
final class Descriptions {

    private final Properties text = new Properties();

    Descriptions(String resource) {
        try (InputStream in = Descriptions.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            text.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<String> type(String schema) {
        return Optional.ofNullable(text.getProperty(schema));
    }

    Optional<String> field(String schema, String field) {
        return Optional.ofNullable(text.getProperty(schema + "#" + field));
    }

    List<String> required(String schema) {
        String value = text.getProperty(schema + "@required");
        return value == null ? List.of() : Arrays.stream(value.split(",")).map(String::trim).toList();
    }
}
