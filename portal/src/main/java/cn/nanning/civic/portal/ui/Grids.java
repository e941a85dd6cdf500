package cn.nanning.civic.portal.ui;

import com.vaadin.flow.component.grid.Grid;

/** Grids say what their emptiness means ("今天没有预约。") instead of showing a bare header row. */
public final class Grids {

    private Grids() {
    }

    /** The grid, with the sentence it shows while it has no rows. */
    public static <T> Grid<T> saying(String whenEmpty, Grid<T> grid) {
        grid.setEmptyStateText(whenEmpty);
        return grid;
    }
}
