package dev.berth.api.patch;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the model class behind a JSON field of a fabric8 class (the element class for lists, the value
 * class for maps), so a patch walking JSON knows which type, and so which merge keys, it is in.
 */
final class ModelFields {

    private static final Map<String, Optional<Class<?>>> CACHE = new ConcurrentHashMap<>();

    private ModelFields() {
    }

    static Class<?> of(Class<?> owner, String jsonName) {
        if (owner == null) {
            return null;
        }
        return CACHE.computeIfAbsent(owner.getName() + "#" + jsonName, k -> find(owner, jsonName)).orElse(null);
    }

    private static Optional<Class<?>> find(Class<?> owner, String jsonName) {
        for (Class<?> c = owner; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                JsonProperty property = field.getAnnotation(JsonProperty.class);
                if (property != null && property.value().equals(jsonName)) {
                    return Optional.ofNullable(valueClass(field.getGenericType()));
                }
            }
        }
        return Optional.empty();
    }

    private static Class<?> valueClass(Type type) {
        if (type instanceof Class<?> cls) {
            return cls;
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] args = parameterized.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                return valueClass(args[0]);
            }
            if (Map.class.isAssignableFrom(raw)) {
                return valueClass(args[1]);
            }
        }
        return null;
    }
}
