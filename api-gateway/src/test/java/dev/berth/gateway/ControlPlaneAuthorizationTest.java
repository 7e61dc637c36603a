package dev.berth.gateway;

import org.junit.jupiter.api.Test;

import static dev.berth.gateway.GatewayCluster.ADMIN;
import static dev.berth.gateway.GatewayCluster.CONTROLLERS;
import static dev.berth.gateway.GatewayCluster.SCHEDULER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduler and the controller manager get only the verbs and resources their loops use (the gateway's
 * default rules for the groups system:kube-scheduler and system:kube-controller-manager), and a 403 for
 * anything else.
 */
class ControlPlaneAuthorizationTest {

    private final GatewayCluster cluster = GatewayCluster.shared();

    private int send(String method, String path, String token, String contentType, String body) {
        return Requests.send(method, cluster.url() + path, token, contentType, body).statusCode();
    }

    private static String binding(String pod) {
        return """
                {"apiVersion":"v1","kind":"Binding","metadata":{"name":"%s"},
                 "target":{"apiVersion":"v1","kind":"Node","name":"node-1"}}""".formatted(pod);
    }

    @Test
    void theSchedulerReadsBindsReportsAndRecordsEventsAndNothingElse() {
        send("POST", "/api/v1/namespaces/default/pods", ADMIN, "application/json", Requests.pod("sched-pending", null));
        send("POST", "/api/v1/namespaces/default/pods", ADMIN, "application/json", Requests.pod("sched-victim", null));

        assertThat(send("GET", "/api/v1/pods", SCHEDULER, null, null)).isEqualTo(200);
        assertThat(send("GET", "/api/v1/nodes?watch=false", SCHEDULER, null, null)).isEqualTo(200);
        assertThat(send("GET", "/api/v1/services", SCHEDULER, null, null)).isEqualTo(200);
        assertThat(send("PATCH", "/api/v1/namespaces/default/pods/sched-pending/status", SCHEDULER,
                "application/strategic-merge-patch+json", """
                        {"status":{"conditions":[{"type":"PodScheduled","status":"False","reason":"Unschedulable"}]}}"""))
                .isEqualTo(200);
        assertThat(send("POST", "/api/v1/namespaces/default/pods/sched-pending/binding", SCHEDULER, "application/json",
                binding("sched-pending"))).isEqualTo(201);
        assertThat(send("POST", "/api/v1/namespaces/default/events", SCHEDULER, "application/json", """
                {"apiVersion":"v1","kind":"Event","metadata":{"name":"sched-pending.1"},"reason":"Scheduled",
                 "message":"bound","type":"Normal",
                 "involvedObject":{"kind":"Pod","namespace":"default","name":"sched-pending"}}""")).isEqualTo(201);

        assertThat(send("POST", "/api/v1/namespaces/default/pods", SCHEDULER, "application/json",
                Requests.pod("sched-made", null))).isEqualTo(403);
        assertThat(send("DELETE", "/api/v1/namespaces/default/pods/sched-victim", SCHEDULER, null, null)).isEqualTo(403);
        assertThat(send("PUT", "/api/v1/namespaces/default/pods/sched-victim", SCHEDULER, "application/json",
                Requests.pod("sched-victim", null))).isEqualTo(403);
        assertThat(send("GET", "/api/v1/replicationcontrollers", SCHEDULER, null, null)).isEqualTo(403);
        assertThat(send("POST", "/api/v1/namespaces", SCHEDULER, "application/json",
                "{\"metadata\":{\"name\":\"sched-ns\"}}")).isEqualTo(403);
        assertThat(send("PATCH", "/api/v1/nodes/node-1/status", SCHEDULER, "application/merge-patch+json",
                "{\"status\":{}}")).isEqualTo(403);
        assertThat(send("GET", "/api/v1/pods", ADMIN, null, null)).isEqualTo(200);
    }

    @Test
    void theControllerManagerManagesPodsEndpointsAndStatusesButNeverBindsOrTouchesNodesAndNamespaces() {
        assertThat(send("POST", "/api/v1/namespaces/default/pods", CONTROLLERS, "application/json",
                Requests.pod("cm-made", null))).isEqualTo(201);
        assertThat(send("GET", "/api/v1/nodes", CONTROLLERS, null, null)).isEqualTo(200);
        assertThat(send("GET", "/api/v1/services", CONTROLLERS, null, null)).isEqualTo(200);
        assertThat(send("POST", "/api/v1/namespaces/default/endpoints", CONTROLLERS, "application/json",
                "{\"apiVersion\":\"v1\",\"kind\":\"Endpoints\",\"metadata\":{\"name\":\"cm-endpoints\"}}")).isEqualTo(201);
        assertThat(send("PATCH", "/api/v1/namespaces/default/pods/cm-made/status", CONTROLLERS,
                "application/merge-patch+json", "{\"status\":{\"phase\":\"Pending\"}}")).isEqualTo(200);

        assertThat(send("POST", "/api/v1/namespaces/default/pods/cm-made/binding", CONTROLLERS, "application/json",
                binding("cm-made"))).isEqualTo(403);
        assertThat(send("DELETE", "/api/v1/nodes/node-1", CONTROLLERS, null, null)).isEqualTo(403);
        assertThat(send("PATCH", "/api/v1/nodes/node-1", CONTROLLERS, "application/merge-patch+json",
                "{\"spec\":{\"unschedulable\":true}}")).isEqualTo(403);
        assertThat(send("POST", "/api/v1/namespaces", CONTROLLERS, "application/json",
                "{\"metadata\":{\"name\":\"cm-ns\"}}")).isEqualTo(403);
        assertThat(send("DELETE", "/api/v1/namespaces/default/services/anything", CONTROLLERS, null, null)).isEqualTo(403);

        assertThat(send("DELETE", "/api/v1/namespaces/default/pods/cm-made", CONTROLLERS, null, null)).isEqualTo(200);
    }
}
