package dev.berth.scheduler.plugins;

import java.util.List;
import java.util.Map;

/** The label selectors of the services in a namespace: the seam to the services informer. */
@FunctionalInterface
public interface SpreadGroups {

    List<Map<String, String>> serviceSelectors(String namespace);
}
