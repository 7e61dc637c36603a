package dev.berth.api.web;

import dev.berth.api.resource.PeerResources;
import dev.berth.api.resource.ResourceDefinition;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.APIVersionsBuilder;
import io.fabric8.kubernetes.api.model.ServerAddressByClientCIDRBuilder;
import io.fabric8.kubernetes.api.model.version.Info;
import io.fabric8.kubernetes.api.model.version.InfoBuilder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

/** The discovery documents kubectl reads before anything else: {@code /version}, {@code /api}, {@code /apis}, {@code /api/v1}. */
@RestController
public class DiscoveryController {

    /** The Kubernetes API level Berth's core/v1 surface corresponds to; kubectl picks its behaviour from it. */
    static final Info VERSION = new InfoBuilder()
            .withMajor("1").withMinor("32").withGitVersion("v1.32.0-berth")
            .withGitCommit("berth").withGitTreeState("clean").withBuildDate("2026-11-25T00:00:00Z")
            .withGoVersion("java" + Runtime.version().feature()).withCompiler("javac").withPlatform("linux/amd64")
            .build();

    private final ApiResources resources;
    private final PeerResources peers;
    private final Responses responses;

    public DiscoveryController(ApiResources resources, PeerResources peers, Responses responses) {
        this.resources = resources;
        this.peers = peers;
        this.responses = responses;
    }

    @GetMapping("/version")
    public ResponseEntity<byte[]> version() {
        return responses.object(HttpStatus.OK, VERSION);
    }

    @GetMapping({"/api", "/api/"})
    public ResponseEntity<byte[]> api() {
        return responses.object(HttpStatus.OK, new APIVersionsBuilder().withVersions("v1")
                .withServerAddressByClientCIDRs(new ServerAddressByClientCIDRBuilder()
                        .withClientCIDR("0.0.0.0/0").withServerAddress("").build())
                .build());
    }

    @GetMapping({"/apis", "/apis/"})
    public ResponseEntity<byte[]> apis() {
        return responses.object(HttpStatus.OK, new APIGroupList());
    }

    @GetMapping({"/api/v1", "/api/v1/"})
    public ResponseEntity<byte[]> coreV1() {
        List<ResourceDefinition<?>> all = new ArrayList<>(resources.definitions());
        all.addAll(peers.definitions());
        return responses.object(HttpStatus.OK, resourceList(all));
    }

    static APIResourceList resourceList(List<ResourceDefinition<?>> definitions) {
        List<APIResource> list = new ArrayList<>();
        for (ResourceDefinition<?> d : definitions) {
            list.add(new APIResourceBuilder().withName(d.plural()).withSingularName(d.singular())
                    .withNamespaced(d.namespaced()).withKind(d.kind()).withVerbs(ResourceDefinition.VERBS)
                    .withShortNames(d.shortNames()).build());
            for (String sub : d.subresources().stream().sorted().toList()) {
                APIResourceBuilder resource = new APIResourceBuilder().withName(d.plural() + "/" + sub)
                        .withSingularName("").withNamespaced(d.namespaced()).withKind(subresourceKind(d, sub))
                        .withVerbs(subresourceVerbs(sub));
                if (sub.equals("scale")) {
                    // kubectl's scale client reads the Scale's group/version from here (autoscaling/v1).
                    resource.withGroup("autoscaling").withVersion("v1");
                }
                list.add(resource.build());
            }
        }
        return new APIResourceListBuilder().withGroupVersion("v1").withResources(list).build();
    }

    private static String subresourceKind(ResourceDefinition<?> d, String sub) {
        return switch (sub) {
            case "binding" -> "Binding";
            case "scale" -> "Scale";
            case "log" -> "Pod";
            default -> d.kind();
        };
    }

    private static List<String> subresourceVerbs(String sub) {
        return switch (sub) {
            case "binding" -> List.of("create");
            case "log" -> List.of("get");
            default -> List.of("get", "patch", "update");
        };
    }
}
