package dev.berth.api.storage.redis;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** Which Java type the objects of a resource decode to, so watch events can be typed once for all watchers. */
@FunctionalInterface
public interface ResourceTypes {

    Class<? extends HasMetadata> typeOf(String resource);
}
