// The metrics table of a comparison, fitted to its window: the headings wrap to the columns'
// width, a long variant name wraps in a column that leaves the numbers their room, and the table
// is exactly as tall as its rows, so every variant's numbers stay in view under the charts.
#pragma once

#include <QTableView>

namespace procscope::ui {

class ComparisonModel;

class ComparisonTable : public QTableView {
    Q_OBJECT

public:
    explicit ComparisonTable(ComparisonModel* model, QWidget* parent = nullptr);

    // Wraps the headings and sets the height for the current width and font (done by itself on
    // every resize and font change).
    void fit();

protected:
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void applyFont();

    ComparisonModel* m_model;
};

} // namespace procscope::ui
