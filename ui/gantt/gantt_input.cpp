#include "ui/gantt/gantt_input.h"

#include "ui/gantt/gantt_plottable.h"
#include "ui/gantt/gantt_view.h"
#include "ui/playback/playback_controller.h"
#include "ui/playback/view_state.h"

#include <QApplication>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QRubberBand>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>

namespace procscope::ui {

namespace {

constexpr double kWheelZoom = 1.25; // per notch
constexpr double kKeyZoom = 1.5;

} // namespace

GanttInput::GanttInput(GanttView* view)
    : QObject(view)
    , m_view(view)
{ }

bool GanttInput::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_view->plot())
        return false;
    switch (event->type()) {
    case QEvent::Wheel:
        wheel(static_cast<QWheelEvent*>(event));
        return true;
    case QEvent::MouseButtonPress:
        press(static_cast<QMouseEvent*>(event));
        return true;
    case QEvent::MouseMove:
        move(static_cast<QMouseEvent*>(event));
        return true;
    case QEvent::MouseButtonRelease:
        release(static_cast<QMouseEvent*>(event));
        return true;
    case QEvent::MouseButtonDblClick:
        doubleClick(static_cast<QMouseEvent*>(event));
        return true;
    case QEvent::KeyPress:
        return key(static_cast<QKeyEvent*>(event));
    case QEvent::ToolTip: {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = m_view->toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, m_view->plot());
        return true;
    }
    default:
        return false;
    }
}

void GanttInput::wheel(QWheelEvent* event)
{
    const QPoint delta = event->angleDelta();
    const Qt::KeyboardModifiers mods = event->modifiers();
    // Some platforms turn Shift+wheel into a horizontal wheel.
    const double notches = (delta.y() != 0 ? delta.y() : delta.x()) / 120.0;
    if (mods & Qt::ControlModifier)
        m_view->setRowHeight(m_view->rowHeight() * std::pow(1.2, notches));
    else if (mods & Qt::ShiftModifier)
        m_view->scrollRows(-3 * notches);
    else if (std::abs(delta.x()) > std::abs(delta.y()))
        m_view->panBy(-notches * m_view->timeAxis().width() / 10);
    else
        m_view->zoomAt(event->position().x(), std::pow(kWheelZoom, notches));
    event->accept();
}

void GanttInput::press(QMouseEvent* event)
{
    m_pressPos = m_lastPos = event->position().toPoint();
    m_moved = false;
    const bool band = event->button() == Qt::RightButton ||
                      (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier));
    if (band)
        m_drag = Drag::Band;
    else if (event->button() == Qt::LeftButton)
        m_drag = Drag::Pan;
    else
        m_drag = Drag::None;
    event->accept();
}

void GanttInput::move(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    if (m_drag == Drag::None)
        return;
    if (!m_moved && (pos - m_pressPos).manhattanLength() < QApplication::startDragDistance())
        return;
    m_moved = true;
    if (m_drag == Drag::Pan) {
        const QPoint delta = pos - m_lastPos;
        m_view->panBy(-delta.x());
        m_view->scrollRows(-delta.y() / m_view->rowHeight());
    } else {
        if (!m_band)
            m_band = new QRubberBand(QRubberBand::Rectangle, m_view->plot());
        const QRect area = m_view->plot()->axisRect()->rect();
        const QRect band = QRect(m_pressPos, pos).normalized();
        m_band->setGeometry(QRect(band.left(), area.top(), band.width(), area.height()).intersected(area));
        m_band->show();
    }
    m_lastPos = pos;
    event->accept();
}

void GanttInput::release(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    if (m_drag == Drag::Pan && !m_moved)
        click(pos);
    if (m_drag == Drag::Band && m_moved) {
        if (m_band)
            m_band->hide();
        const QCPAxis* x = m_view->plot()->xAxis;
        const double a = x->pixelToCoord(std::min(m_pressPos.x(), pos.x()));
        const double b = x->pixelToCoord(std::max(m_pressPos.x(), pos.x()));
        if (std::abs(pos.x() - m_pressPos.x()) >= 4)
            m_view->setTimeRange(a, b);
    }
    m_drag = Drag::None;
    event->accept();
}

void GanttInput::click(const QPoint& pos)
{
    ViewState* state = m_view->m_viewState;
    if (!state)
        return;
    const int row = m_view->rowAt(pos);
    if (row < 0)
        return;
    if (m_view->rows().isCpu(row)) {
        const auto hit = m_view->plottable()->hitAt(pos);
        if (hit && hit->process >= 0)
            state->setSelectedProcess(hit->process);
        return;
    }
    state->setSelectedProcess(m_view->rows().processAt(row));
}

void GanttInput::doubleClick(QMouseEvent* event)
{
    PlaybackController* playback = m_view->m_playback;
    const QPoint pos = event->position().toPoint();
    if (event->button() == Qt::LeftButton && playback && m_view->plot()->axisRect()->rect().contains(pos))
        playback->seek(m_view->tickAt(pos.x()));
    m_drag = Drag::None;
    event->accept();
}

bool GanttInput::key(QKeyEvent* event)
{
    const double middle = m_view->plot()->axisRect()->center().x();
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        m_view->zoomAt(middle, kKeyZoom);
        return true;
    case Qt::Key_Minus:
    case Qt::Key_Underscore:
        m_view->zoomAt(middle, 1 / kKeyZoom);
        return true;
    case Qt::Key_0:
        m_view->fit();
        return true;
    case Qt::Key_Up:
        m_view->scrollRows(-1);
        return true;
    case Qt::Key_Down:
        m_view->scrollRows(1);
        return true;
    case Qt::Key_PageUp:
        m_view->scrollRows(-m_view->visibleRowCount());
        return true;
    case Qt::Key_PageDown:
        m_view->scrollRows(m_view->visibleRowCount());
        return true;
    default:
        return false;
    }
}

} // namespace procscope::ui
