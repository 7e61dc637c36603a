package dev.berth.api.validation;

import java.util.regex.Pattern;

/** Kubernetes' name syntaxes; each check returns why a value is invalid, or null when it is valid. */
public final class Names {

    private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final Pattern DNS1123_LABEL = Pattern.compile(LABEL);
    private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(LABEL + "(\\." + LABEL + ")*");
    private static final Pattern DNS1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern IANA_SVC_NAME = Pattern.compile("[-a-z0-9]+");
    private static final Pattern ENV_VAR_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");

    private Names() {
    }

    public static String dns1123Subdomain(String value) {
        if (value.length() > 253) {
            return "must be no more than 253 characters";
        }
        return DNS1123_SUBDOMAIN.matcher(value).matches() ? null
                : "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and "
                + "must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation "
                + "is '" + DNS1123_SUBDOMAIN.pattern() + "')";
    }

    public static String dns1123Label(String value) {
        if (value.length() > 63) {
            return "must be no more than 63 characters";
        }
        return DNS1123_LABEL.matcher(value).matches() ? null
                : "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must "
                + "start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for "
                + "validation is '" + LABEL + "')";
    }

    public static String dns1035Label(String value) {
        if (value.length() > 63) {
            return "must be no more than 63 characters";
        }
        return DNS1035_LABEL.matcher(value).matches() ? null
                : "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an "
                + "alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', "
                + "regex used for validation is '" + DNS1035_LABEL.pattern() + "')";
    }

    /** A port name: at most 15 characters, lower-case letters, digits and single dashes, at least one letter. */
    public static String ianaServiceName(String value) {
        if (value.length() > 15) {
            return "must be no more than 15 characters";
        }
        if (!IANA_SVC_NAME.matcher(value).matches()) {
            return "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)";
        }
        if (value.contains("--")) {
            return "must not contain consecutive hyphens";
        }
        if (value.startsWith("-") || value.endsWith("-")) {
            return "must not begin or end with a hyphen";
        }
        if (value.chars().noneMatch(Character::isLetter)) {
            return "must contain at least one letter (a-z)";
        }
        return null;
    }

    public static String envVarName(String value) {
        return ENV_VAR_NAME.matcher(value).matches() ? null
                : "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or "
                + "'.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', "
                + "regex used for validation is '" + ENV_VAR_NAME.pattern() + "')";
    }

    public static String ip(String value) {
        if (value.matches("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}")) {
            return null;
        }
        if (value.contains(":") && value.matches("[0-9a-fA-F:.]+")) {
            try {
                java.net.InetAddress.getByName(value);
                return null;
            } catch (java.net.UnknownHostException e) {
                return "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";
            }
        }
        return "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";
    }
}
