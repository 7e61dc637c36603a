package dev.berth.api.registry;

import dev.berth.api.selection.FieldSelector;
import dev.berth.api.selection.LabelSelector;

/** The label and field selectors of a list or watch. */
public record Selection(LabelSelector labels, FieldSelector fields) {

    public static final Selection EVERYTHING = new Selection(LabelSelector.parse(""), FieldSelector.parse(""));

    public static Selection parse(String labelSelector, String fieldSelector) {
        return new Selection(LabelSelector.parse(labelSelector), FieldSelector.parse(fieldSelector));
    }
}
