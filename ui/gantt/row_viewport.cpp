#include "ui/gantt/row_viewport.h"

#include <algorithm>
#include <cmath>

namespace procscope::ui {

namespace {

double clampHeight(double pixels, double fallback)
{
    return std::isfinite(pixels) ? std::clamp(pixels, RowViewport::kMinRowHeight, RowViewport::kMaxRowHeight)
                                 : fallback;
}

} // namespace

void RowViewport::setRows(int processRows, int lanes)
{
    m_processRows = std::max(0, processRows);
    m_lanes = std::max(0, lanes);
    setTopRow(m_topRow);
}

void RowViewport::setHeight(double pixels)
{
    m_height = std::isfinite(pixels) ? std::max(0.0, pixels) : 0.0;
    setTopRow(m_topRow);
}

void RowViewport::setRowHeight(double pixels)
{
    m_rowHeight = clampHeight(pixels, m_rowHeight);
    setTopRow(m_topRow);
}

void RowViewport::setLaneHeight(double pixels)
{
    m_laneHeight = clampHeight(pixels, m_laneHeight);
    setTopRow(m_topRow);
}

void RowViewport::setTopRow(double row)
{
    if (!std::isfinite(row))
        return;
    m_topRow = std::clamp(row, 0.0, maxTopRow());
}

double RowViewport::laneHeight() const
{
    if (m_lanes == 0)
        return 0;
    return std::max(kMinRowHeight, std::min(m_laneHeight, kMaxLaneShare * m_height / m_lanes));
}

double RowViewport::processCapacity() const
{
    return std::max(0.0, m_height - m_lanes * laneHeight()) / m_rowHeight;
}

double RowViewport::visibleRowCount() const
{
    return std::min(static_cast<double>(m_processRows), processCapacity()) + m_lanes;
}

double RowViewport::maxTopRow() const
{
    return std::max(0.0, m_processRows - processCapacity());
}

double RowViewport::lanesTop() const
{
    const double below = (m_processRows - m_topRow) * m_rowHeight; // what the process rows need
    return std::max(0.0, std::min(below, m_height - m_lanes * laneHeight()));
}

double RowViewport::contentBottom() const
{
    return lanesTop() + m_lanes * laneHeight();
}

double RowViewport::rowTop(int row) const
{
    if (row < m_processRows)
        return (row - m_topRow) * m_rowHeight;
    return lanesTop() + (row - m_processRows) * laneHeight();
}

double RowViewport::rowBottom(int row) const
{
    return rowTop(row) + (row < m_processRows ? m_rowHeight : laneHeight());
}

double RowViewport::visibleTop(int row) const
{
    if (row < 0 || row >= count())
        return 0;
    if (row >= m_processRows)
        return rowTop(row);
    return std::clamp(rowTop(row), 0.0, lanesTop());
}

double RowViewport::visibleBottom(int row) const
{
    if (row < 0 || row >= count())
        return 0;
    if (row >= m_processRows)
        return rowBottom(row);
    return std::clamp(rowBottom(row), 0.0, lanesTop());
}

int RowViewport::rowAt(double y) const
{
    if (!std::isfinite(y) || y < 0)
        return -1;
    const double lanes = lanesTop();
    if (y < lanes) {
        const auto row = static_cast<int>(std::floor(m_topRow + y / m_rowHeight));
        return row >= 0 && row < m_processRows ? row : -1;
    }
    if (m_lanes == 0)
        return -1;
    const auto lane = static_cast<int>(std::floor((y - lanes) / laneHeight()));
    return lane >= 0 && lane < m_lanes ? m_processRows + lane : -1;
}

int RowViewport::firstProcessRow() const
{
    return std::min(m_processRows, static_cast<int>(std::floor(m_topRow)));
}

int RowViewport::lastProcessRow() const
{
    const double bottom = m_topRow + lanesTop() / m_rowHeight; // exclusive, in rows
    return std::min(m_processRows, static_cast<int>(std::ceil(bottom))) - 1;
}

double RowViewport::topRowShowing(int row) const
{
    if (row < 0 || row >= m_processRows)
        return m_topRow;
    const double capacity = processCapacity();
    if (row < m_topRow || capacity < 1)
        return row;
    if (row + 1 > m_topRow + capacity)
        return row + 1 - capacity;
    return m_topRow;
}

} // namespace procscope::ui
