// The metrics table of a comparison: one row per variant ("FIFO", "SJF", ...), one column per
// metric, the best value of each column in bold with a star, so the class sees at a glance which
// policy wins on what. No colour marks it: beside the Gantt charts a colour means a state.
#pragma once

#include <QAbstractTableModel>

namespace procscope::ui {

class Comparison;

class ComparisonModel : public QAbstractTableModel {
    Q_OBJECT

public:
    // The raw value of a cell (a double; NaN for a failed run), and whether it is the best.
    static constexpr int ValueRole = Qt::UserRole + 1;
    static constexpr int BestRole = Qt::UserRole + 2;

    explicit ComparisonModel(QObject* parent = nullptr);

    // The comparison must outlive the model (or be replaced first); nullptr empties it.
    void setComparison(const Comparison* comparison);
    const Comparison* comparison() const { return m_comparison; }
    // Column headings without "(lower is better)", for a narrow table: the tooltip still says it.
    void setCompactHeaders(bool compact);
    bool compactHeaders() const { return m_compactHeaders; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const Comparison* m_comparison = nullptr;
    bool m_compactHeaders = false;
};

} // namespace procscope::ui
