package dev.berth.api.registry;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * The {@code status} of a model class through its accessors, found once per class: clearing it this way
 * costs nothing, where a JSON tree round trip of the whole object showed in the create path's profile.
 */
final class StatusField {

    private static final ClassValue<Optional<Method>> SETTERS = new ClassValue<>() {
        @Override
        protected Optional<Method> computeValue(Class<?> type) {
            try {
                Method getter = type.getMethod("getStatus");
                return Optional.of(type.getMethod("setStatus", getter.getReturnType()));
            } catch (NoSuchMethodException e) {
                return Optional.empty();
            }
        }
    };

    private StatusField() {
    }

    /** Removes the status; false if the class has none to remove (the caller then falls back). */
    static boolean clear(HasMetadata object) {
        Optional<Method> setter = SETTERS.get(object.getClass());
        if (setter.isEmpty()) {
            return false;
        }
        try {
            setter.get().invoke(object, (Object) null);
            return true;
        } catch (IllegalAccessException | InvocationTargetException e) {
            return false;
        }
    }
}
