#include "ui/compare/comparison_model.h"

#include "ui/compare/comparison.h"

#include <QFont>

namespace procscope::ui {

namespace {

ComparisonMetric metricOf(int column)
{
    return static_cast<ComparisonMetric>(column);
}

} // namespace

ComparisonModel::ComparisonModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void ComparisonModel::setComparison(const Comparison* comparison)
{
    beginResetModel();
    m_comparison = comparison;
    endResetModel();
}

void ComparisonModel::setCompactHeaders(bool compact)
{
    if (compact == m_compactHeaders)
        return;
    m_compactHeaders = compact;
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
}

int ComparisonModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_comparison ? 0 : m_comparison->variantCount();
}

int ComparisonModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : kComparisonMetricCount;
}

QVariant ComparisonModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        !m_comparison)
        return {};
    const int row = index.row();
    const ComparisonMetric metric = metricOf(index.column());
    const double value = m_comparison->value(row, metric);
    const bool best = m_comparison->isBest(row, metric);
    switch (role) {
    case Qt::DisplayRole:
        return best ? formatMetric(metric, value) + QStringLiteral(" \u2605") : formatMetric(metric, value);
    case Qt::ToolTipRole: {
        if (!m_comparison->error(row).isEmpty())
            return m_comparison->error(row);
        QString tip = m_comparison->variant(row).label + QStringLiteral(": ") + metricTitle(metric) +
                      QStringLiteral(" ") + formatMetric(metric, value);
        if (best)
            tip += QStringLiteral(" \u2014 the best of this comparison");
        if (m_comparison->hitTickLimit(row))
            tip += QStringLiteral(" (stopped at the tick limit)");
        return tip;
    }
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole:
        if (best) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case ValueRole:
        return value;
    case BestRole:
        return best;
    default:
        return {};
    }
}

QVariant ComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal) {
        if (section < 0 || section >= kComparisonMetricCount)
            return {};
        const ComparisonMetric metric = metricOf(section);
        if (role == Qt::DisplayRole) {
            const QString better = lowerIsBetter(metric) ? QStringLiteral("lower is better")
                                                         : QStringLiteral("higher is better");
            if (m_compactHeaders)
                return metricTitle(metric);
            return metricTitle(metric) + QStringLiteral("\n(") + better + QStringLiteral(")");
        }
        if (role == Qt::ToolTipRole)
            return metricDescription(metric);
        return {};
    }
    if (!m_comparison || section < 0 || section >= m_comparison->variantCount())
        return {};
    if (role == Qt::DisplayRole)
        return m_comparison->variant(section).label;
    if (role == Qt::ToolTipRole && m_comparison->hitTickLimit(section))
        return QStringLiteral("stopped at the tick limit: the metrics count finished processes only");
    return {};
}

} // namespace procscope::ui
