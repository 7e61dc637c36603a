package dev.berth.api.validation;

import dev.berth.api.errors.FieldError;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Pattern;

/** Container resource requests and limits: parseable, non-negative quantities, and requests within limits. */
final class Resources {

    private static final Pattern QUANTITY = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+|[numkMGTPE]i?|Ki)?");

    private Resources() {
    }

    static void validate(String field, ResourceRequirements resources, Errors errors) {
        if (resources == null) {
            return;
        }
        quantities(field + ".limits", resources.getLimits(), false, errors);
        quantities(field + ".requests", resources.getRequests(), false, errors);
        Map<String, Quantity> limits = resources.getLimits();
        Map<String, Quantity> requests = resources.getRequests();
        if (limits == null || requests == null) {
            return;
        }
        requests.forEach((name, request) -> {
            Quantity limit = limits.get(name);
            BigDecimal requested = amount(request);
            BigDecimal allowed = amount(limit);
            if (requested != null && allowed != null && requested.compareTo(allowed) > 0) {
                errors.add(FieldError.invalid(field + ".requests", request.toString(),
                        "must be less than or equal to " + name + " limit of " + limit));
            }
        });
    }

    /** @param node node capacity also counts {@code pods}, which containers cannot request */
    static void quantities(String field, Map<String, Quantity> quantities, boolean node, Errors errors) {
        if (quantities == null) {
            return;
        }
        quantities.forEach((name, quantity) -> {
            String path = field + "[" + name + "]";
            if (!(name.equals("cpu") || name.equals("memory") || name.equals("ephemeral-storage")
                    || node && name.equals("pods")
                    || name.startsWith("hugepages-") || name.contains("/"))) {
                errors.add(FieldError.invalid(path, name, "must be a standard resource type or fully qualified"));
                return;
            }
            BigDecimal amount = amount(quantity);
            if (amount == null) {
                errors.add(FieldError.invalid(path, String.valueOf(quantity),
                        "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"));
            } else if (amount.signum() < 0) {
                errors.add(FieldError.invalid(path, quantity.toString(), "must be greater than or equal to 0"));
            }
        });
    }

    private static BigDecimal amount(Quantity quantity) {
        if (quantity == null || quantity.getAmount() == null) {
            return null;
        }
        String text = quantity.getAmount() + (quantity.getFormat() == null ? "" : quantity.getFormat());
        if (!QUANTITY.matcher(text).matches()) {
            return null;
        }
        try {
            return quantity.getNumericalAmount();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
