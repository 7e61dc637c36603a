package dev.berth.api.storage.redis;

import dev.berth.api.storage.ObjectKey;

/**
 * Key layout. Every key shares one hash tag ({@code {berth}} by default) so each write script touches a
 * single Redis Cluster slot and stays atomic.
 */
record RedisKeys(String prefix) {

    String object(ObjectKey key) {
        return objectPrefix(key.resource()) + key.indexMember();
    }

    /** Object keys are this plus the index member, which the list script relies on. */
    String objectPrefix(String resource) {
        return prefix + ":o:" + resource + ":";
    }

    String index(String resource) {
        return prefix + ":i:" + resource;
    }

    String revision() {
        return prefix + ":rev";
    }

    String events() {
        return prefix + ":events";
    }

    /** The key an event names its object by: {@code resource/namespace/name}. */
    static String eventKey(ObjectKey key) {
        return key.resource() + "/" + key.indexMember();
    }

    static ObjectKey parseEventKey(String eventKey) {
        String[] parts = eventKey.split("/", 3);
        return new ObjectKey(parts[0], parts[1], parts[2]);
    }
}
