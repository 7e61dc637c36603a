package dev.berth.node;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param nodeName          this node's Node name (the agent authenticates as {@code system:node:<name>})
 * @param address           the node address container ports are published on
 * @param apiServer         the API's URL (the gateway's, in a cluster)
 * @param token             bearer token for the API; empty for none
 * @param apiCaFile         PEM file of the CA that signed the API's (gateway's) certificate; empty for the JVM's
 * @param dockerHost        the engine, e.g. {@code unix:///var/run/docker.sock}
 * @param heartbeatInterval how often the Ready condition is renewed
 * @param resyncInterval    how often every pod is compared with its containers even without an event
 * @param maxPods           the pods capacity the node reports
 * @param serviceHost       the address pods reach services on (this node's proxy-agent); empty for the engine's
 *                          bridge gateway
 */
@ConfigurationProperties("berth.node")
public record NodeAgentProperties(String nodeName, String address, String apiServer, String token, String apiCaFile,
                                  String dockerHost, Duration heartbeatInterval, Duration resyncInterval,
                                  int maxPods, String serviceHost) {
}
