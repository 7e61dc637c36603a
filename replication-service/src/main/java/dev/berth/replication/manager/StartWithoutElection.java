package dev.berth.replication.manager;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Without leader election every instance runs the loops, from startup to shutdown. */
@Component
@ConditionalOnExpression("${berth.controllers.enabled:true} && !${berth.controllers.leader-election:true}")
class StartWithoutElection implements SmartLifecycle {

    private final ControllerManager manager;
    private volatile boolean running;

    StartWithoutElection(ControllerManager manager) {
        this.manager = manager;
    }

    @Override
    public void start() {
        manager.start();
        running = true;
    }

    @Override
    public void stop() {
        manager.stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
