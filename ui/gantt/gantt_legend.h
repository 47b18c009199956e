// The legend strip above the Gantt chart: what each colour means. It lives inside the plot's
// layout, so exported images carry it too.
#pragma once

#include "ui/style/state_colors.h"

#include <qcustomplot.h>

namespace procscope::ui {

// One swatch and its words.
class SwatchLegendItem : public QCPAbstractLegendItem {
public:
    SwatchLegendItem(QCPLegend* legend, QColor colour, QString text);
    QString text() const { return m_text; }
    QColor colour() const { return m_colour; }

protected:
    void draw(QCPPainter* painter) override;
    QSize minimumOuterSizeHint() const override;

private:
    QColor m_colour;
    QString m_text;
};

// Fills `legend` with the state colours (Unknown too when `withUnknown`) and the context switch.
void fillStateLegend(QCPLegend* legend, Palette palette, bool withUnknown);

} // namespace procscope::ui
