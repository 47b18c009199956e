#include "ui/editor/generate_dialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QSpinBox>

#include <algorithm>
#include <limits>

namespace procscope::ui {

namespace {

QSpinBox* spin(int min, int max, long long value, const QString& suffix = {})
{
    auto* box = new QSpinBox;
    box->setRange(min, max);
    box->setValue(static_cast<int>(std::clamp<long long>(value, min, max)));
    box->setSuffix(suffix);
    return box;
}

} // namespace

GenerateDialog::GenerateDialog(const GeneratorSpec& initial, QWidget* parent)
    : QDialog(parent)
    , m_seed(spin(0, std::numeric_limits<int>::max(), static_cast<long long>(initial.seed)))
    , m_count(spin(1, 200, initial.count))
    , m_maxArrival(spin(0, 100000, initial.maxArrival, tr(" ticks")))
    , m_minBurst(spin(1, 100000, initial.minBurst, tr(" ticks")))
    , m_maxBurst(spin(1, 100000, initial.maxBurst, tr(" ticks")))
    , m_bursts(spin(1, 100, initial.bursts))
    , m_ioPercent(spin(0, 100, initial.ioPercent, tr(" %")))
    , m_ioLength(spin(0, 100000, initial.ioLength, tr(" ticks")))
{
    setWindowTitle(tr("Generate a random workload"));
    auto* form = new QFormLayout(this);
    form->addRow(tr("Seed (same seed, same processes):"), m_seed);
    form->addRow(tr("Processes:"), m_count);
    form->addRow(tr("Latest arrival:"), m_maxArrival);
    form->addRow(tr("Shortest CPU burst:"), m_minBurst);
    form->addRow(tr("Longest CPU burst:"), m_maxBurst);
    form->addRow(tr("CPU bursts per process:"), m_bursts);
    form->addRow(tr("Chance of an I/O after a burst:"), m_ioPercent);
    form->addRow(tr("I/O length:"), m_ioLength);
    // The longest burst is never below the shortest.
    connect(m_minBurst, &QSpinBox::valueChanged, m_maxBurst, [this](int v) { m_maxBurst->setMinimum(v); });
    m_maxBurst->setMinimum(m_minBurst->value());
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

GeneratorSpec GenerateDialog::spec() const
{
    GeneratorSpec s;
    s.seed = static_cast<std::uint64_t>(m_seed->value());
    s.count = m_count->value();
    s.maxArrival = m_maxArrival->value();
    s.minBurst = m_minBurst->value();
    s.maxBurst = m_maxBurst->value();
    s.bursts = m_bursts->value();
    s.ioPercent = m_ioPercent->value();
    s.ioLength = m_ioLength->value();
    return s;
}

} // namespace procscope::ui
