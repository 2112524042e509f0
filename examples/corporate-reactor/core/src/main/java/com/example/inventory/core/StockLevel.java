package com.example.inventory.core;

import java.util.Objects;

/** How many of an item are in stock, and whether that calls for a reorder. */
public record StockLevel(String sku, int quantity, int reorderAt) {

    public StockLevel {
        Objects.requireNonNull(sku, "sku");
        if (quantity < 0 || reorderAt < 0) {
            throw new IllegalArgumentException("quantities are never negative");
        }
    }

    public boolean needsReorder() {
        return quantity <= reorderAt;
    }

    public StockLevel take(int count) {
        if (count < 0 || count > quantity) {
            throw new IllegalArgumentException("cannot take " + count + " of " + quantity);
        }
        return new StockLevel(sku, quantity - count, reorderAt);
    }
}
