package dev.berth.pod.services;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param clusterIpRange CIDR the virtual cluster IPs of Services come from
 * @param nodePortRange  {@code low-high}, the ports NodePort Services are given
 */
@ConfigurationProperties("berth.services")
public record ServiceProperties(String clusterIpRange, String nodePortRange) {

    public ServiceProperties {
        clusterIpRange = clusterIpRange == null ? "10.96.0.0/16" : clusterIpRange;
        nodePortRange = nodePortRange == null ? "30000-32767" : nodePortRange;
    }
}
