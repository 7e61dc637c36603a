package dev.berth.node.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.berth.node.runtime.ContainerRuntime;
import dev.berth.node.runtime.ContainerSpec;
import dev.berth.node.runtime.RuntimeContainer;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** {@link ContainerRuntime} on a Docker engine, through docker-java. */
public final class DockerRuntime implements ContainerRuntime {

    private static final Duration PULL_TIMEOUT = Duration.ofMinutes(5);

    private final DockerClient docker;

    DockerRuntime(DockerClient docker) {
        this.docker = docker;
    }

    /**
     * @param dockerHost  e.g. {@code unix:///var/run/docker.sock}
     * @param connections how many calls may be in flight at once (pod workers run in parallel, and a stop holds
     *                    its connection for the whole grace period)
     */
    public static DockerRuntime connect(String dockerHost, int connections) {
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(dockerHost).build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(connections)
                .connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofSeconds(60))
                .build();
        return new DockerRuntime(DockerClientImpl.getInstance(config, http));
    }

    @Override
    public List<RuntimeContainer> list(Map<String, String> labels) {
        List<RuntimeContainer> containers = new ArrayList<>();
        for (var summary : docker.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec()) {
            try {
                containers.add(inspect(summary.getId()));
            } catch (NotFoundException removedMeanwhile) {
                // Listed, then removed before we looked: it is gone, which is what the caller sees next time.
            }
        }
        return containers;
    }

    @Override
    public RuntimeContainer inspect(String id) {
        return DockerContainers.toRuntime(docker.inspectContainerCmd(id).exec());
    }

    @Override
    public boolean hasImage(String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    @Override
    public void pull(String image) {
        try {
            docker.pullImageCmd(image).start().awaitCompletion(PULL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pulling " + image, e);
        }
    }

    @Override
    public String create(ContainerSpec spec) {
        Ports bindings = new Ports();
        List<ExposedPort> exposed = new ArrayList<>();
        for (ContainerSpec.PortMapping port : spec.ports()) {
            ExposedPort containerPort = new ExposedPort(port.containerPort(),
                    InternetProtocol.parse(port.protocol().toLowerCase()));
            exposed.add(containerPort);
            bindings.bind(containerPort, port.hostPort() == 0 ? Ports.Binding.bindIp(port.hostIp())
                    : Ports.Binding.bindIpAndPort(port.hostIp(), port.hostPort()));
        }
        HostConfig host = HostConfig.newHostConfig();
        ContainerSpec.HostAccess access = spec.host();
        if (access.network()) {
            // The container listens on the node's own interfaces: there is nothing to publish.
            host.withNetworkMode("host");
            exposed.clear();
        } else {
            host.withPortBindings(bindings);
        }
        host.withPrivileged(access.privileged());
        if (access.pid()) {
            host.withPidMode("host");
        }
        if (access.ipc()) {
            host.withIpcMode("host");
        }
        host.withBinds(access.mounts().stream().map(m -> new Bind(m.hostPath(), new Volume(m.containerPath()),
                m.readOnly() ? AccessMode.ro : AccessMode.rw)).toList());
        if (spec.memoryLimitBytes() > 0) {
            host.withMemory(spec.memoryLimitBytes());
        }
        if (spec.cpuLimitMillis() > 0) {
            host.withNanoCPUs(spec.cpuLimitMillis() * 1_000_000L);
        }
        CreateContainerCmd create = docker.createContainerCmd(spec.image())
                .withName(spec.name())
                .withLabels(spec.labels())
                .withEnv(spec.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                .withExposedPorts(exposed)
                .withHostConfig(host);
        if (!spec.command().isEmpty()) {
            create.withEntrypoint(spec.command());
        }
        if (!spec.args().isEmpty()) {
            create.withCmd(spec.args());
        }
        if (spec.workingDir() != null && !spec.workingDir().isEmpty()) {
            create.withWorkingDir(spec.workingDir());
        }
        return create.exec().getId();
    }

    @Override
    public void start(String id) {
        docker.startContainerCmd(id).exec();
    }

    @Override
    public void stop(String id, Duration grace) {
        try {
            docker.stopContainerCmd(id).withTimeout((int) Math.max(0, grace.toSeconds())).exec();
        } catch (NotModifiedException alreadyStopped) {
            // Stopping a stopped container is what we wanted anyway.
        }
    }

    @Override
    public void remove(String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).exec();
        } catch (NotFoundException alreadyGone) {
            // Removed already: nothing left to do.
        }
    }

    @Override
    public void logs(String id, boolean follow, Integer tailLines, boolean timestamps, OutputStream out) {
        var command = docker.logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(follow)
                .withTimestamps(timestamps);
        if (tailLines != null) {
            command.withTail(tailLines);
        }
        try (ResultCallback.Adapter<Frame> callback = command.exec(new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                try {
                    out.write(frame.getPayload());
                    out.flush();
                } catch (IOException clientGone) {
                    throw new UncheckedIOException(clientGone);
                }
            }
        })) {
            callback.awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int exec(String id, List<String> command, Duration timeout) {
        String exec = docker.execCreateCmd(id).withCmd(command.toArray(String[]::new))
                .withAttachStdout(true).withAttachStderr(true).exec().getId();
        try (ResultCallback.Adapter<Frame> done = docker.execStartCmd(exec).exec(new ResultCallback.Adapter<>())) {
            if (!done.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return -1;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Long exitCode = docker.inspectExecCmd(exec).exec().getExitCodeLong();
        return exitCode == null ? -1 : exitCode.intValue();
    }

    @Override
    public String hostAddressForContainers() {
        Network bridge = docker.inspectNetworkCmd().withNetworkId("bridge").exec();
        return bridge.getIpam().getConfig().stream()
                .map(Network.Ipam.Config::getGateway).filter(g -> g != null && !g.isEmpty()).findFirst()
                .or(() -> interfaceAddress(bridge))
                .orElseThrow(() -> new IllegalStateException("Docker's bridge network has no gateway address"));
    }

    /**
     * An engine that adopted an existing {@code docker0} at start reports no gateway in the bridge's IPAM
     * configuration; the bridge interface's own address is that gateway. The agent shares the engine's host.
     */
    private static Optional<String> interfaceAddress(Network bridge) {
        String name = bridge.getOptions() == null ? null : bridge.getOptions().get("com.docker.network.bridge.name");
        try {
            NetworkInterface device = NetworkInterface.getByName(name == null ? "docker0" : name);
            return device == null ? Optional.empty() : device.inetAddresses()
                    .filter(Inet4Address.class::isInstance).map(InetAddress::getHostAddress).findFirst();
        } catch (SocketException e) {
            return Optional.empty();
        }
    }

    @Override
    public String version() {
        return "docker://" + docker.versionCmd().exec().getVersion();
    }
}
