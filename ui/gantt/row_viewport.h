// Where the rows of the Gantt chart are on screen, in pixels from the top of the chart area. The
// process rows scroll; the CPU lanes stay pinned right below them, at the bottom of the area when
// the processes overflow it, so the CPUs are in view however many processes there are. Rows are
// numbered as in GanttRows: processes first, then one lane per CPU.
#pragma once

namespace procscope::ui {

class RowViewport {
public:
    static constexpr double kMinRowHeight = 0.01;
    static constexpr double kMaxRowHeight = 200.0;
    // All the lanes together take at most this share of the height; thinner lanes beyond it.
    static constexpr double kMaxLaneShare = 0.5;

    void setRows(int processRows, int lanes);
    void setHeight(double pixels);     // of the chart area
    void setRowHeight(double pixels);  // of a process row, clamped to [kMinRowHeight, kMaxRowHeight]
    void setLaneHeight(double pixels); // of a CPU lane, before kMaxLaneShare; likewise clamped
    void setTopRow(double row);        // the first process row on screen (fractions too); clamped

    int processRows() const { return m_processRows; }
    int lanes() const { return m_lanes; }
    int count() const { return m_processRows + m_lanes; }
    double height() const { return m_height; }
    double rowHeight() const { return m_rowHeight; }
    double laneHeight() const;
    double topRow() const { return m_topRow; }
    double maxTopRow() const;

    // How many process rows the area has room for above the lanes, and how many rows are on
    // screen in all (the lanes included).
    double processCapacity() const;
    double visibleRowCount() const;
    // Where the lanes begin, and where the last one ends (below it the area is blank).
    double lanesTop() const;
    double contentBottom() const;

    // The pixel span [top, bottom) of a row. A process row scrolled out of view lies outside
    // [0, lanesTop()); visibleTop/visibleBottom clip it to that band (equal when hidden).
    double rowTop(int row) const;
    double rowBottom(int row) const;
    double visibleTop(int row) const;
    double visibleBottom(int row) const;
    bool isVisible(int row) const { return visibleBottom(row) > visibleTop(row); }
    // The row under pixel y, or -1.
    int rowAt(double y) const;
    // The process rows at least partly on screen: [firstProcessRow, lastProcessRow]; first > last
    // when there is none.
    int firstProcessRow() const;
    int lastProcessRow() const;
    // The top row that brings a process row fully into view with the least scrolling.
    double topRowShowing(int row) const;

private:
    int m_processRows = 0;
    int m_lanes = 0;
    double m_height = 0;
    double m_rowHeight = 24;
    double m_laneHeight = 24;
    double m_topRow = 0;
};

} // namespace procscope::ui
