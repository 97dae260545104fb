package dev.cowfleet.sim.scenario;

import java.util.ArrayList;
import java.util.List;

/** A YAML sequence. Items can be replaced by a {@code --set list.3=...} override. */
final class ListNode implements Node {

    private final Where where;
    private final List<Node> items;

    ListNode(Where where, List<Node> items) {
        this.where = where;
        this.items = new ArrayList<>(items);
    }

    @Override
    public Where where() {
        return where;
    }

    List<Node> items() {
        return List.copyOf(items);
    }

    int size() {
        return items.size();
    }

    void set(int index, Node item) {
        items.set(index, item);
    }

    @Override
    public String describe() {
        return "a list";
    }
}
