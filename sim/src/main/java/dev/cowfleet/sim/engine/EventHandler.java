package dev.cowfleet.sim.engine;

/**
 * Receives the events an {@link EventCalendar} fires. An event is a model-defined type code and
 * a payload (typically the index of the worker or host it concerns), so firing one allocates
 * nothing. The calendar's clock already reads the event's time when this is called, and the
 * handler may schedule or cancel further events.
 */
@FunctionalInterface
public interface EventHandler {
    void handle(int type, long payload);
}
