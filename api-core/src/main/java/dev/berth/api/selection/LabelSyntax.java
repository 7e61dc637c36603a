package dev.berth.api.selection;

import java.util.regex.Pattern;

/** Label key and value syntax, shared by selector parsing and object validation. */
public final class LabelSyntax {

    private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private LabelSyntax() {
    }

    /** Returns why {@code key} is not a valid label key, or null when it is. */
    public static String keyError(String key) {
        if (key == null || key.isEmpty()) {
            return "name part must be non-empty";
        }
        int slash = key.indexOf('/');
        String name = slash < 0 ? key : key.substring(slash + 1);
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            if (prefix.isEmpty() || prefix.length() > 253 || !DNS_SUBDOMAIN.matcher(prefix).matches()) {
                return "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric "
                        + "characters, '-' or '.', and must start and end with an alphanumeric character";
            }
        }
        if (name.isEmpty()) {
            return "name part must be non-empty";
        }
        if (name.length() > 63) {
            return "name part must be no more than 63 characters";
        }
        if (!NAME.matcher(name).matches()) {
            return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end "
                    + "with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used "
                    + "for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
        }
        return null;
    }

    /** Returns why {@code value} is not a valid label value, or null when it is. */
    public static String valueError(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > 63) {
            return "must be no more than 63 characters";
        }
        if (!NAME.matcher(value).matches()) {
            return "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', "
                    + "and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or "
                    + "'12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
        }
        return null;
    }

    public static boolean isValidKey(String key) {
        return keyError(key) == null;
    }

    public static boolean isValidValue(String value) {
        return valueError(value) == null;
    }
}
