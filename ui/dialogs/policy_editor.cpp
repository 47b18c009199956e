#include "ui/dialogs/policy_editor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStringList>

#include <algorithm>

namespace procscope::ui {

namespace {

// Named, so tests and the comparison dialog's test find each field.
template <typename W>
W* named(W* widget, const char* name)
{
    widget->setObjectName(QLatin1String(name));
    return widget;
}

QSpinBox* spin(QWidget* parent, const char* name, int min, int max)
{
    auto* s = named(new QSpinBox(parent), name);
    s->setRange(min, max);
    return s;
}

int clamped(const QSpinBox* s, long long value)
{
    return static_cast<int>(std::clamp<long long>(value, s->minimum(), s->maximum()));
}

template <typename T>
QString joined(const std::vector<T>& values)
{
    QStringList parts;
    for (const T& v : values)
        parts << QString::number(v);
    return parts.join(QLatin1Char(','));
}

// "10,20,40" -> numbers; empty on anything else (normalize() judges the values).
std::vector<long long> numbers(const QString& text)
{
    std::vector<long long> out;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const long long v = part.trimmed().toLongLong(&ok);
        if (!ok)
            return {};
        out.push_back(v);
    }
    return out;
}

} // namespace

PolicyEditor::PolicyEditor(const PolicySpec& policy, QWidget* parent)
    : QWidget(parent)
{
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    m_kind = named(new QComboBox(this), "policy");
    for (int k = 0; k < kPolicyCount; ++k) {
        const std::string_view name = policyName(static_cast<PolicyKind>(k));
        m_kind->addItem(QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size())));
    }
    form->addRow(tr("Policy"), m_kind);
    m_parameters = new QStackedWidget(this);
    form->addRow(m_parameters);

    // One page of parameters per policy; policies without parameters share an empty page.
    QFormLayout* page = nullptr;
    const auto addPage = [this, &page] {
        auto* w = new QWidget(m_parameters);
        page = new QFormLayout(w);
        page->setContentsMargins(0, 0, 0, 0);
        return m_parameters->addWidget(w);
    };
    m_pageNone = addPage();
    m_pageSliced = addPage();
    m_quantum = spin(this, "quantum", 1, 1'000'000);
    page->addRow(tr("Time slice (quantum)"), m_quantum);
    m_pagePriority = addPage();
    m_preemptive = named(new QCheckBox(tr("Preemptive"), this), "preemptive");
    m_aging = spin(this, "aging", 0, 1'000'000);
    m_aging->setSpecialValueText(tr("off"));
    page->addRow(m_preemptive);
    page->addRow(tr("Aging: one level every"), m_aging);
    m_pageMlfq = addPage();
    m_quanta = named(new QLineEdit(this), "quanta");
    m_allotments = named(new QLineEdit(this), "allotments");
    m_boost = spin(this, "boost", 0, 1'000'000);
    m_boost->setSpecialValueText(tr("never"));
    m_stay = named(new QCheckBox(tr("Stay at the same level after I/O (-S)"), this), "stayOnIo");
    m_bump = named(new QCheckBox(tr("Finished I/O goes to the front of its queue (-I)"), this), "ioBump");
    page->addRow(tr("Quanta, top queue first"), m_quanta);
    page->addRow(tr("Allotments, top queue first"), m_allotments);
    page->addRow(tr("Priority boost every"), m_boost);
    page->addRow(m_stay);
    page->addRow(m_bump);
    m_pageCfs = addPage();
    m_latency = spin(this, "latency", 1, 1'000'000);
    m_granularity = spin(this, "granularity", 1, 1'000'000);
    page->addRow(tr("Target latency"), m_latency);
    page->addRow(tr("Minimum granularity"), m_granularity);

    setPolicy(policy);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this](int k) {
        showPage(k);
        Q_EMIT edited();
    });
    for (QSpinBox* s : {m_quantum, m_aging, m_boost, m_latency, m_granularity})
        connect(s, &QSpinBox::valueChanged, this, &PolicyEditor::edited);
    for (QCheckBox* c : {m_preemptive, m_stay, m_bump})
        connect(c, &QCheckBox::toggled, this, &PolicyEditor::edited);
    for (QLineEdit* e : {m_quanta, m_allotments})
        connect(e, &QLineEdit::textChanged, this, &PolicyEditor::edited);
}

void PolicyEditor::setPolicy(const PolicySpec& p)
{
    const QSignalBlocker blockers[] = {QSignalBlocker(m_kind), QSignalBlocker(m_quantum),
        QSignalBlocker(m_preemptive), QSignalBlocker(m_aging), QSignalBlocker(m_quanta),
        QSignalBlocker(m_allotments), QSignalBlocker(m_boost), QSignalBlocker(m_stay), QSignalBlocker(m_bump),
        QSignalBlocker(m_latency), QSignalBlocker(m_granularity)};
    m_base = p;
    m_kind->setCurrentIndex(static_cast<int>(p.kind));
    m_quantum->setValue(clamped(m_quantum, p.quantum));
    m_preemptive->setChecked(p.preemptive);
    m_aging->setValue(clamped(m_aging, p.agingInterval));
    m_quanta->setText(joined(p.mlfqQuanta));
    m_allotments->setText(joined(p.mlfqAllotments));
    m_boost->setValue(clamped(m_boost, p.boostPeriod));
    m_stay->setChecked(p.stayOnIo);
    m_bump->setChecked(p.ioBump);
    m_latency->setValue(clamped(m_latency, p.targetLatency));
    m_granularity->setValue(clamped(m_granularity, p.minGranularity));
    showPage(m_kind->currentIndex());
}

std::optional<PolicySpec> PolicyEditor::policy(QString* problem) const
{
    PolicySpec p = m_base;
    p.kind = static_cast<PolicyKind>(m_kind->currentIndex());
    p.quantum = m_quantum->value();
    p.preemptive = m_preemptive->isChecked();
    p.agingInterval = m_aging->value();
    p.boostPeriod = m_boost->value();
    p.stayOnIo = m_stay->isChecked();
    p.ioBump = m_bump->isChecked();
    p.targetLatency = m_latency->value();
    p.minGranularity = m_granularity->value();
    if (p.kind == PolicyKind::Mlfq) {
        const auto quanta = numbers(m_quanta->text());
        const auto allotments = numbers(m_allotments->text());
        if (quanta.empty() || quanta.size() != allotments.size()) {
            if (problem)
                *problem = tr("MLFQ needs as many allotments as quanta, as comma-separated numbers "
                              "(e.g. quanta 10,20,40 and allotments 1,1,2).");
            return std::nullopt;
        }
        p.mlfqQuanta.assign(quanta.begin(), quanta.end());
        p.mlfqAllotments.assign(allotments.begin(), allotments.end());
    }
    return p;
}

void PolicyEditor::showPage(int kind)
{
    switch (static_cast<PolicyKind>(kind)) {
    case PolicyKind::RoundRobin:
    case PolicyKind::Lottery:
    case PolicyKind::Stride:
        m_parameters->setCurrentIndex(m_pageSliced);
        break;
    case PolicyKind::Priority:
        m_parameters->setCurrentIndex(m_pagePriority);
        break;
    case PolicyKind::Mlfq:
        m_parameters->setCurrentIndex(m_pageMlfq);
        break;
    case PolicyKind::Cfs:
        m_parameters->setCurrentIndex(m_pageCfs);
        break;
    default:
        m_parameters->setCurrentIndex(m_pageNone);
    }
}

} // namespace procscope::ui
