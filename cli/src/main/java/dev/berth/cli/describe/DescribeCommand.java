package dev.berth.cli.describe;

import dev.berth.cli.BerthCommand;
import dev.berth.cli.Cluster;
import dev.berth.cli.UserError;
import dev.berth.cli.api.ResourceKind;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code describe TYPE NAME}: an object's state in words, followed by the events about it. */
@Command(name = "describe", description = "Show a pod, replication controller, service or node in detail, with its events.")
public final class DescribeCommand implements Callable<Integer> {

    @ParentCommand
    BerthCommand root;

    @Parameters(index = "0", paramLabel = "TYPE", description = "pod, rc, service or node")
    String type;

    @Parameters(index = "1", paramLabel = "NAME")
    String name;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Cluster cluster = root.cluster();
        var client = cluster.client();
        String ns = cluster.namespace();
        ResourceKind kind = ResourceKind.parse(type);
        HasMetadata object = switch (kind) {
            case PODS -> client.pods().inNamespace(ns).withName(name).get();
            case REPLICATION_CONTROLLERS -> client.replicationControllers().inNamespace(ns).withName(name).get();
            case SERVICES -> client.services().inNamespace(ns).withName(name).get();
            case NODES -> client.nodes().withName(name).get();
            default -> throw new UserError("describe knows pods, replicationcontrollers, services and nodes");
        };
        if (object == null) {
            throw new UserError(kind.plural() + " \"" + name + "\" not found");
        }
        Description text = switch (kind) {
            case PODS -> Describers.pod((io.fabric8.kubernetes.api.model.Pod) object);
            case REPLICATION_CONTROLLERS -> Describers.controller((io.fabric8.kubernetes.api.model.ReplicationController) object,
                    client.pods().inNamespace(ns).list().getItems());
            case SERVICES -> Describers.service((io.fabric8.kubernetes.api.model.Service) object,
                    client.endpoints().inNamespace(ns).withName(name).get());
            default -> Describers.node((io.fabric8.kubernetes.api.model.Node) object,
                    client.pods().inAnyNamespace().withField("spec.nodeName", name).list().getItems());
        };
        events(text, client.v1().events().inNamespace(kind.namespaced() ? ns : "default").list().getItems(), object);
        spec.commandLine().getOut().print(text);
        return 0;
    }

    /** The object's events, oldest first, as kubectl's Events table. */
    private static void events(Description text, List<Event> all, HasMetadata object) {
        List<Event> mine = all.stream().filter(e -> e.getInvolvedObject() != null
                        && object.getKind().equals(e.getInvolvedObject().getKind())
                        && object.getMetadata().getName().equals(e.getInvolvedObject().getName()))
                .sorted(Comparator.comparing(DescribeCommand::lastSeen)).toList();
        if (mine.isEmpty()) {
            text.field("Events", "<none>");
            return;
        }
        text.section("Events");
        text.line(1, String.format("%-8s %-18s %-6s %-16s %s", "Type", "Reason", "Age", "From", "Message"));
        Instant now = Instant.now();
        for (Event event : mine) {
            String from = event.getSource() == null || event.getSource().getComponent() == null ? ""
                    : event.getSource().getComponent();
            text.line(1, String.format("%-8s %-18s %-6s %-16s %s", event.getType(), event.getReason(),
                    Describers.age(Duration.between(lastSeen(event), now)), from, event.getMessage()));
        }
    }

    private static Instant lastSeen(Event event) {
        String time = event.getLastTimestamp() != null ? event.getLastTimestamp()
                : event.getEventTime() != null ? event.getEventTime().getTime()
                : event.getMetadata().getCreationTimestamp();
        return time == null ? Instant.EPOCH : Instant.parse(time);
    }
}
