package dev.berth.api.registry;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code status} and {@code spec} of a model class through their accessors, found once per class: moving
 * or comparing them this way costs next to nothing, where JSON tree round trips of the whole object were
 * most of an update's CPU in the profile.
 */
final class StatusAndSpec {

    private record Accessors(Method getStatus, Method setStatus) {
    }

    private static final ClassValue<Optional<Accessors>> STATUS = new ClassValue<>() {
        @Override
        protected Optional<Accessors> computeValue(Class<?> type) {
            try {
                Method getter = type.getMethod("getStatus");
                return Optional.of(new Accessors(getter, type.getMethod("setStatus", getter.getReturnType())));
            } catch (NoSuchMethodException e) {
                return Optional.empty();
            }
        }
    };

    private static final ClassValue<Optional<Method>> SPEC = new ClassValue<>() {
        @Override
        protected Optional<Method> computeValue(Class<?> type) {
            try {
                return Optional.of(type.getMethod("getSpec"));
            } catch (NoSuchMethodException e) {
                return Optional.empty();
            }
        }
    };

    /** What {@link #invoke} returns when the accessor could not be called. */
    private static final Object FAILED = new Object();

    private StatusAndSpec() {
    }

    /** Removes the status; false if the class has none to remove (the caller then falls back). */
    static boolean clearStatus(HasMetadata object) {
        Optional<Accessors> status = STATUS.get(object.getClass());
        return status.isPresent() && invoke(status.get().setStatus(), object, (Object) null) != FAILED;
    }

    /**
     * Gives {@code target} the status of {@code source}, the same instance: both are private copies of one
     * request, and nothing changes a status after this step. False if the class has no status accessors.
     */
    static boolean copyStatus(HasMetadata source, HasMetadata target) {
        Optional<Accessors> status = STATUS.get(target.getClass());
        if (status.isEmpty() || !status.get().getStatus().getDeclaringClass().isInstance(source)) {
            return false;
        }
        Object value = invoke(status.get().getStatus(), source);
        return value != FAILED && invoke(status.get().setStatus(), target, value) != FAILED;
    }

    /** True only when both specs are equal as model objects; false also when that cannot be told this way. */
    static boolean sameSpec(HasMetadata a, HasMetadata b) {
        Optional<Method> spec = SPEC.get(a.getClass());
        if (spec.isEmpty() || a.getClass() != b.getClass()) {
            return false;
        }
        Object specA = invoke(spec.get(), a);
        Object specB = invoke(spec.get(), b);
        return specA != FAILED && specB != FAILED && Objects.equals(specA, specB);
    }

    private static Object invoke(Method method, Object target, Object... arguments) {
        try {
            return method.invoke(target, arguments);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return FAILED;
        }
    }
}
