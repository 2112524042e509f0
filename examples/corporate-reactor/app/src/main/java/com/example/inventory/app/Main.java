package com.example.inventory.app;

import com.example.inventory.core.StockLevel;

/** Prints whether an item needs a reorder: {@code java -jar inventory-app.jar SKU QUANTITY REORDER_AT}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: SKU QUANTITY REORDER_AT");
            System.exit(2);
        }
        StockLevel level = new StockLevel(args[0], Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        System.out.println(level.sku() + (level.needsReorder() ? ": reorder" : ": enough in stock"));
    }
}
