package dev.berth.api.table;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code kubectl get endpoints}: NAME ENDPOINTS AGE, at most three addresses then {@code + N more...}. */
final class EndpointsPrinter implements TablePrinter<Endpoints> {

    private static final int MAX_SHOWN = 3;

    private static final List<TableColumn> COLUMNS = List.of(
            TableColumn.nameColumn(),
            TableColumn.string("Endpoints", "The set of all endpoints is the union of all subsets."),
            TableColumn.ageColumn());

    @Override
    public List<TableColumn> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(Endpoints endpoints, Instant now) {
        return List.of(Meta.name(endpoints), format(endpoints.getSubsets()), Meta.age(endpoints, now));
    }

    /** Every address for every port ({@code ip:port}, or a bare ip for headless services without ports). */
    static String format(List<EndpointSubset> subsets) {
        if (Cells.list(subsets).isEmpty()) {
            return Cells.NONE;
        }
        List<String> shown = new ArrayList<>();
        int count = 0;
        for (EndpointSubset subset : subsets) {
            List<EndpointAddress> addresses = Cells.list(subset.getAddresses());
            List<EndpointPort> ports = Cells.list(subset.getPorts());
            if (ports.isEmpty()) {
                count += addresses.size();
                addresses.forEach(a -> addShown(shown, a.getIp()));
                continue;
            }
            for (EndpointPort port : ports) {
                count += addresses.size();
                addresses.forEach(a -> addShown(shown, hostPort(a.getIp(), Cells.orZero(port.getPort()))));
            }
        }
        String joined = String.join(",", shown);
        return count > MAX_SHOWN ? joined + " + " + (count - MAX_SHOWN) + " more..." : joined;
    }

    private static void addShown(List<String> shown, String entry) {
        if (shown.size() < MAX_SHOWN) {
            shown.add(entry);
        }
    }

    /** Go's net.JoinHostPort: IPv6 addresses go in brackets. */
    private static String hostPort(String ip, long port) {
        String host = ip == null ? "" : ip;
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
