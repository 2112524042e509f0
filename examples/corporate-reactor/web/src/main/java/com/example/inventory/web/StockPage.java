package com.example.inventory.web;

import com.example.inventory.core.StockLevel;

/** The line the stock page shows for one item. */
public final class StockPage {

    private StockPage() {
    }

    public static String line(StockLevel level) {
        return level.sku() + " " + level.quantity() + (level.needsReorder() ? " (reorder)" : "");
    }
}
