package dev.berth.gateway.auth;

import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectReader;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Static bearer tokens, in kube-apiserver's {@code --token-auth-file} format: one line per token,
 * {@code token,user,uid,"group1,group2"} (the groups column is optional).
 */
public final class TokenFile {

    private static final ObjectReader CSV_ROW = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build()
            .readerFor(String[].class);

    private final Map<String, Identity> byToken;

    private TokenFile(Map<String, Identity> byToken) {
        this.byToken = Map.copyOf(byToken);
    }

    public static TokenFile read(Path file) {
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read token file " + file, e);
        }
    }

    static TokenFile parse(List<String> lines) {
        Map<String, Identity> byToken = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> columns = columns(line);
            if (columns.size() < 3 || columns.get(0).isBlank() || columns.get(1).isBlank()) {
                throw new IllegalArgumentException("token file line " + (i + 1) + ": expected token,user,uid[,groups]");
            }
            List<String> groups = columns.size() > 3 && !columns.get(3).isBlank()
                    ? Arrays.stream(columns.get(3).split(",")).map(String::strip).toList() : List.of();
            byToken.put(columns.get(0).strip(), new Identity(columns.get(1).strip(), columns.get(2).strip(), groups));
        }
        return new TokenFile(byToken);
    }

    private static List<String> columns(String line) {
        try (MappingIterator<String[]> rows = CSV_ROW.readValues(line)) {
            return List.of(rows.next());
        }
    }

    public Optional<Identity> identify(String token) {
        return Optional.ofNullable(byToken.get(token));
    }
}
