package dev.berth.api.table;

import io.fabric8.kubernetes.api.model.Container;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Small formatting helpers the printers share, each named after the kubectl helper it mirrors. */
final class Cells {

    static final String NONE = "<none>";

    private Cells() {
    }

    static String orNone(String value) {
        return value == null || value.isEmpty() ? NONE : value;
    }

    static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    static long orZero(Integer value) {
        return value == null ? 0 : value;
    }

    /** {@code labels.FormatLabels}: sorted {@code k=v} pairs joined by commas, {@code <none>} when empty. */
    static String labels(Map<String, String> labels) {
        if (labels == null || labels.isEmpty()) {
            return NONE;
        }
        return new TreeMap<>(labels).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    /** {@code layoutContainerCells}: container names, comma separated. */
    static String containerNames(List<Container> containers) {
        return containers == null ? "" : containers.stream().map(c -> orEmpty(c.getName())).collect(Collectors.joining(","));
    }

    /** {@code layoutContainerCells}: container images, comma separated. */
    static String containerImages(List<Container> containers) {
        return containers == null ? "" : containers.stream().map(c -> orEmpty(c.getImage())).collect(Collectors.joining(","));
    }

    static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }
}
