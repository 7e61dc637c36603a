package dev.berth.gateway.authz;

/** An authorizer's answer; {@code NO_OPINION} lets the next authorizer decide. */
public record Decision(Outcome outcome, String reason) {

    public enum Outcome { ALLOW, DENY, NO_OPINION }

    static final Decision NO_OPINION = new Decision(Outcome.NO_OPINION, "");

    static Decision allow() {
        return new Decision(Outcome.ALLOW, "");
    }

    static Decision deny(String reason) {
        return new Decision(Outcome.DENY, reason);
    }
}
