package dev.berth.api.legacy;

import java.util.List;
import java.util.Locale;

/** v1beta1 ids could be mixed case; v1 names are lower-case DNS-1123, so ids are lower-cased with a warning. */
final class LegacyNames {

    private LegacyNames() {
    }

    static String toName(String id, List<String> warnings) {
        String name = id.toLowerCase(Locale.ROOT);
        if (!name.equals(id)) {
            warnings.add("id \"" + id + "\" is not a DNS-1123 name; stored as \"" + name + "\"");
        }
        return name;
    }
}
