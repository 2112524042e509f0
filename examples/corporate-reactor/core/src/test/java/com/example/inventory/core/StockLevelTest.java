package com.example.inventory.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StockLevelTest {

    @Test
    void takingDownToTheThresholdCallsForAReorder() {
        StockLevel level = new StockLevel("A-1", 10, 3);
        assertFalse(level.needsReorder());
        assertTrue(level.take(7).needsReorder());
        assertThrows(IllegalArgumentException.class, () -> level.take(11));
    }
}
