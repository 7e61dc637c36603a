package dev.berth.api.registry;

import io.fabric8.kubernetes.api.model.ObjectMeta;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** System-owned metadata: what the server sets on create and keeps on update, whatever the client sent. */
final class ObjectMetas {

    // As Kubernetes' generateName suffix: no vowels (no accidental words) and no look-alike 0/1/3.
    private static final char[] SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ObjectMetas() {
    }

    /** @return whether the name was generated (from {@code generateName}) */
    static boolean prepareForCreate(ObjectMeta meta, Clock clock, long generation) {
        boolean generated = (meta.getName() == null || meta.getName().isEmpty()) && meta.getGenerateName() != null
                && !meta.getGenerateName().isEmpty();
        if (generated) {
            generateName(meta);
        }
        meta.setUid(UUID.randomUUID().toString());
        meta.setCreationTimestamp(timestamp(clock.instant()));
        meta.setResourceVersion(null);
        meta.setSelfLink(null);
        meta.setDeletionTimestamp(null);
        meta.setDeletionGracePeriodSeconds(null);
        meta.setGeneration(generation);
        meta.setManagedFields(null);
        return generated;
    }

    static void generateName(ObjectMeta meta) {
        meta.setName(meta.getGenerateName() + randomSuffix());
    }

    /** Keeps identity and lifecycle fields from the stored object; only labels, annotations etc. may change. */
    static void keepSystemFields(ObjectMeta updated, ObjectMeta old) {
        updated.setUid(old.getUid());
        updated.setCreationTimestamp(old.getCreationTimestamp());
        updated.setDeletionTimestamp(old.getDeletionTimestamp());
        updated.setDeletionGracePeriodSeconds(old.getDeletionGracePeriodSeconds());
        updated.setGeneration(old.getGeneration());
        updated.setGenerateName(old.getGenerateName());
        updated.setSelfLink(null);
        updated.setManagedFields(null);
    }

    static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String randomSuffix() {
        char[] suffix = new char[5];
        for (int i = 0; i < suffix.length; i++) {
            suffix[i] = SUFFIX_ALPHABET[RANDOM.nextInt(SUFFIX_ALPHABET.length)];
        }
        return new String(suffix);
    }
}
