package dev.berth.api.web;

import io.fabric8.kubernetes.api.model.KubernetesResource;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Finds fields a client sent that the schema does not have. fabric8 models keep such fields in
 * {@code additionalProperties} instead of failing, which is what {@code fieldValidation=Strict} (kubectl's
 * default) must turn into an error and {@code Warn} into a warning.
 */
final class UnknownFields {

    /** Each model class's instance fields, looked up once: reflection per request showed in profiles. */
    private static final ClassValue<List<Slot>> SLOTS = new ClassValue<>() {
        @Override
        protected List<Slot> computeValue(Class<?> type) {
            List<Slot> slots = new ArrayList<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers()) && accessible(field)) {
                        slots.add(new Slot(field, jsonName(field), field.getName().equals("additionalProperties")));
                    }
                }
            }
            return List.copyOf(slots);
        }
    };

    private UnknownFields() {
    }

    static List<String> find(Object object) {
        List<String> found = new ArrayList<>();
        walk(object, null, found);
        return found;
    }

    /** {@code path} is built only when something is found; most requests have no unknown field. */
    private static void walk(Object value, Path path, List<String> found) {
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                if (mayHoldFields(item)) {
                    walk(item, new Path(path, null, i), found);
                }
                i++;
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (mayHoldFields(v)) {
                    walk(v, new Path(path, "[" + k + "]", -1), found);
                }
            });
            return;
        }
        if (!(value instanceof KubernetesResource)) {
            return;
        }
        for (Slot slot : SLOTS.get(value.getClass())) {
            Object child = slot.read(value);
            if (slot.additional() && child instanceof Map<?, ?> extra) {
                String prefix = path == null ? "" : path + ".";
                extra.keySet().forEach(k -> found.add(prefix + k));
            } else if (mayHoldFields(child)) {
                walk(child, new Path(path, slot.jsonName(), -1), found);
            }
        }
    }

    /** Scalars (strings, numbers, quantities' text) are most of an object's values and have no fields. */
    private static boolean mayHoldFields(Object value) {
        return value instanceof KubernetesResource || value instanceof Collection<?> || value instanceof Map<?, ?>;
    }

    private static String jsonName(Field field) {
        com.fasterxml.jackson.annotation.JsonProperty p =
                field.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
        return p != null && !p.value().isEmpty() ? p.value() : field.getName();
    }

    private static boolean accessible(Field field) {
        try {
            field.setAccessible(true);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private record Slot(Field field, String jsonName, boolean additional) {
        Object read(Object owner) {
            try {
                return field.get(owner);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
    }

    /** A field path as a chain: a name ({@code a.b}, {@code a[key]}) or a list index ({@code a[0]}). */
    private record Path(Path parent, String name, int index) {
        @Override
        public String toString() {
            String head = parent == null ? "" : parent.toString();
            if (name == null) {
                return head + "[" + index + "]";
            }
            return name.startsWith("[") || head.isEmpty() ? head + name : head + "." + name;
        }
    }
}
