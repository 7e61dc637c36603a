package dev.berth.scheduler.framework;

import io.fabric8.kubernetes.api.model.Quantity;

import java.math.BigDecimal;
import java.util.Map;

/** Resource quantities as the scheduler counts them: CPU in millicores, memory and pods as plain numbers. */
public final class Quantities {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private Quantities() {
    }

    public static long milliCpu(Map<String, Quantity> resources) {
        Quantity cpu = resources == null ? null : resources.get("cpu");
        return cpu == null ? 0 : Quantity.getAmountInBytes(cpu).multiply(THOUSAND).setScale(0, java.math.RoundingMode.CEILING)
                .longValueExact();
    }

    public static long value(Map<String, Quantity> resources, String name) {
        Quantity quantity = resources == null ? null : resources.get(name);
        return quantity == null ? 0 : Quantity.getAmountInBytes(quantity).setScale(0, java.math.RoundingMode.CEILING)
                .longValueExact();
    }
}
