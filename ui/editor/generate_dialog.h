// Asks for the parameters of a seeded random workload (the generator of core/model/generator.h):
// a teacher picks a seed, and every student who types the same seed gets the same processes.
#pragma once

#include "core/model/workload.h"

#include <QDialog>

class QSpinBox;

namespace procscope::ui {

class GenerateDialog : public QDialog {
    Q_OBJECT

public:
    explicit GenerateDialog(const GeneratorSpec& initial, QWidget* parent = nullptr);

    GeneratorSpec spec() const;

private:
    QSpinBox* m_seed;
    QSpinBox* m_count;
    QSpinBox* m_maxArrival;
    QSpinBox* m_minBurst;
    QSpinBox* m_maxBurst;
    QSpinBox* m_bursts;
    QSpinBox* m_ioPercent;
    QSpinBox* m_ioLength;
};

} // namespace procscope::ui
