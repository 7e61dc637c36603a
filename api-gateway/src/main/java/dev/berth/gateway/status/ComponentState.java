package dev.berth.gateway.status;

/**
 * One line of the status page's component table.
 *
 * @param name    what the component is ({@code pod-service}, {@code redis}, {@code scheduler}, ...)
 * @param where   the instance's address or, for an elected role, {@code leader}
 * @param healthy whether it answers as it should
 * @param detail  a few words for the operator: the probe's answer, the error, the leader's lease
 */
record ComponentState(String name, String where, boolean healthy, String detail) {
}
