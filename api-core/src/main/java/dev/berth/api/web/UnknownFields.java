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

    private UnknownFields() {
    }

    static List<String> find(Object object) {
        List<String> found = new ArrayList<>();
        walk(object, "", found);
        return found;
    }

    private static void walk(Object value, String path, List<String> found) {
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", found);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "[" + k + "]", found));
            return;
        }
        if (!(value instanceof KubernetesResource)) {
            return;
        }
        for (Class<?> c = value.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                Object child = read(field, value);
                if (field.getName().equals("additionalProperties") && child instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(k -> found.add(path.isEmpty() ? k.toString() : path + "." + k));
                } else if (child != null) {
                    String name = jsonName(field);
                    walk(child, path.isEmpty() ? name : path + "." + name, found);
                }
            }
        }
    }

    private static String jsonName(Field field) {
        com.fasterxml.jackson.annotation.JsonProperty p =
                field.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
        return p != null && !p.value().isEmpty() ? p.value() : field.getName();
    }

    private static Object read(Field field, Object owner) {
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
