// A scheduling policy and its parameters as form widgets (the policy box of "Simulation setup",
// and each variant of "Compare policies side by side"): one page of parameters per policy.
#pragma once

#include "core/model/workload.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;
class QStackedWidget;

namespace procscope::ui {

class PolicyEditor : public QWidget {
    Q_OBJECT

public:
    explicit PolicyEditor(const PolicySpec& policy, QWidget* parent = nullptr);

    void setPolicy(const PolicySpec& policy);
    // The policy the widgets show; empty, with the reason in `problem`, when MLFQ's quanta and
    // allotments are not two lists of numbers of one length.
    std::optional<PolicySpec> policy(QString* problem = nullptr) const;

Q_SIGNALS:
    // Any widget changed.
    void edited();

private:
    void showPage(int kind);

    PolicySpec m_base; // keeps what no widget shows (the stride constant)
    QComboBox* m_kind;
    QStackedWidget* m_parameters;
    QSpinBox* m_quantum;
    QCheckBox* m_preemptive;
    QSpinBox* m_aging;
    QLineEdit* m_quanta;
    QLineEdit* m_allotments;
    QSpinBox* m_boost;
    QCheckBox* m_stay;
    QCheckBox* m_bump;
    QSpinBox* m_latency;
    QSpinBox* m_granularity;
    int m_pageNone = 0;
    int m_pageSliced = 0;
    int m_pagePriority = 0;
    int m_pageMlfq = 0;
    int m_pageCfs = 0;
};

} // namespace procscope::ui
